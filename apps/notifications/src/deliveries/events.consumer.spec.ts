import 'reflect-metadata';
import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { register } from 'prom-client';
import pg from 'pg';
import { Subjects } from '@airtime/contracts';
import { createTestDatabase } from '@airtime/platform/testing';
import { type RunningNotifications, startNotificationsService } from '../testing/start-notifications-service.js';
import { watchConsumerLag } from './delivery-metrics.js';
import { CONSUMER } from './events.consumer.js';

// Real NATS and PostgreSQL: the events are published to this file's own streams (as the orders and
// wallet services' outboxes would), and the real service consumes them.
jest.setTimeout(60_000);

const natsUrl = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
const ORDERS = Subjects.orders.eventsStream();
const streams = [
  { name: Subjects.orders.eventsStream(), subjects: [Subjects.orders.events('*', '*').replace(/\*\.\*$/, '>')] },
  { name: Subjects.wallet.eventsStream(), subjects: [Subjects.wallet.events('*', '*').replace(/\*\.\*$/, '>')] },
];

function orderEvent(accountId: string, status: string, mode: 'live' | 'test' = 'live', extra: Record<string, unknown> = {}) {
  const order = { id: randomUUID(), status, mode, kind: 'airtime', target: '0772279099', amount: '1.00', ...extra };
  return { subject: Subjects.orders.events(accountId, status), event: { id: randomUUID(), type: 'order.status_changed', occurred_at: new Date().toISOString(), order } };
}

describe('events to webhook deliveries and SMS', () => {
  let nc: NatsConnection;
  let service: RunningNotifications | undefined;

  beforeAll(async () => {
    nc = await connect({ servers: natsUrl });
    const manager = await jetstreamManager(nc);
    for (const stream of streams) await manager.streams.add({ name: stream.name, subjects: stream.subjects });
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await service?.stop();
    service = undefined;
  });

  afterAll(async () => {
    const manager = await jetstreamManager(nc);
    for (const stream of streams) await manager.streams.delete(stream.name).catch(() => undefined);
    await nc.drain();
  });

  const publish = async (messages: { subject: string; event: object | string }[]) => {
    const js = jetstream(nc);
    await Promise.all(messages.map((m) => js.publish(m.subject, typeof m.event === 'string' ? m.event : JSON.stringify(m.event))));
  };

  async function endpoint(db: RunningNotifications['db'], accountId: string, mode: 'live' | 'test', events: string[]): Promise<string> {
    const [row] = (await db.query(
      `INSERT INTO webhook_endpoints (account_id, mode, url, events, secret_sealed, secret_prefix) VALUES ($1, $2, 'https://receiver.example/hooks', $3, 'sealed', 'whsec_') RETURNING id`,
      [accountId, mode, events],
    )) as { id: string }[];
    return (row as { id: string }).id;
  }

  /** Waits until the durable consumer has nothing left to deliver and `acked` messages awaiting no ack. */
  async function settled(left = 0): Promise<{ num_ack_pending: number; num_redelivered: number }> {
    const manager = await jetstreamManager(nc);
    for (const deadline = Date.now() + 20_000; ; ) {
      const info = await manager.consumers.info(ORDERS, 'notifications-webhooks').catch(() => undefined);
      if (info && info.num_pending === 0 && info.num_ack_pending === left) return info;
      if (Date.now() > deadline) throw new Error(`not settled: ${JSON.stringify(info && { pending: info.num_pending, ack_pending: info.num_ack_pending })}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('takes a backlog as one batch: one INSERT for its deliveries, to the endpoints of the mode and type, numbered in event order, all acked', async () => {
    // The endpoints exist before the service starts again; the events wait in the stream meanwhile.
    const database = await createTestDatabase('notifications');
    const boot = await startNotificationsService({ DATABASE_URL: database.url });
    const [withHooks, without] = [randomUUID(), randomUUID()];
    const live = await endpoint(boot.db, withHooks, 'live', ['order.success', 'order.failed']);
    const test = await endpoint(boot.db, withHooks, 'test', ['order.success']);
    await boot.stop();

    const events = Array.from({ length: 12 }, () => [
      orderEvent(withHooks, 'success'), orderEvent(withHooks, 'failed'), orderEvent(withHooks, 'success', 'test'), orderEvent(withHooks, 'pending'), orderEvent(without, 'success'),
    ]).flat();
    await publish(events);
    // The lag as Prometheus reads it: the whole backlog waits while no notifications runs.
    const lagOf = async (state: string) => {
      const metric = await register.getSingleMetric('airtime_jetstream_consumer_pending_events')?.get();
      return metric?.values.find((v) => v.labels['stream'] === ORDERS && v.labels['state'] === state)?.value;
    };
    const unwatch = watchConsumerLag(() => nc, [ORDERS], CONSUMER);
    expect(await lagOf('pending')).toBe(60);

    // Statements outside a transaction go straight to the pool (rows / preparedRows).
    const queries = jest.spyOn(pg.Pool.prototype, 'query');
    const started = await startNotificationsService({ DATABASE_URL: database.url });
    service = { ...started, stop: async () => (await started.stop(), await database.drop()) };
    await settled();
    expect([await lagOf('pending'), await lagOf('ack_pending')]).toEqual([0, 0]);
    unwatch();
    const deliveries = (await service.db.query(`SELECT endpoint_id, event_id, event_type, body FROM webhook_deliveries ORDER BY seq`)) as { endpoint_id: string; event_id: string; event_type: string; body: string }[];
    const expected = events.filter((e) => e.subject.includes(withHooks) && ['success', 'failed'].includes(e.event.order.status));
    expect(deliveries.map((d) => d.event_id)).toEqual(expected.map((e) => e.event.id));
    expect(deliveries.map((d) => d.endpoint_id)).toEqual(expected.map((e) => (e.event.order.mode === 'test' ? test : live)));
    expect(JSON.parse((deliveries[0] as { body: string }).body)).toMatchObject({ id: expected[0]?.event.id, type: 'order.success', data: { id: expected[0]?.event.order.id } });
    // 60 events, 36 deliveries, in one pull: one INSERT (two if the pull reached the service in two reads).
    const webhookInserts = queries.mock.calls.filter(([sql]) => String((sql as { text?: string }).text ?? sql).includes('INSERT INTO webhook_deliveries'));
    expect(webhookInserts.length).toBeGreaterThanOrEqual(1);
    expect(webhookInserts.length).toBeLessThanOrEqual(2);
  });

  it('sends one custom SMS per order, however often its success event comes', async () => {
    service = await startNotificationsService();
    const accountId = randomUUID();
    const success = orderEvent(accountId, 'success', 'live', { custom_sms: 'Thanks for shopping' });
    await publish([success, { ...success, event: { ...success.event, id: randomUUID() } }, success]);
    await settled();
    const sms = (await service.db.query(`SELECT idempotency_key, purpose FROM sms_messages`)) as { idempotency_key: string; purpose: string }[];
    expect(sms).toEqual([{ idempotency_key: `order:${success.event.order.id}:custom_sms`, purpose: 'custom_sms' }]);
  });

  it('redelivers an event the database refuses alone, and takes the rest of its batch', async () => {
    service = await startNotificationsService();
    const accountId = randomUUID();
    await endpoint(service.db, accountId, 'live', ['order.success']);
    const [first, second] = [orderEvent(accountId, 'success'), orderEvent(accountId, 'success')];
    // An account id that is no uuid: the batch's INSERT fails on it, then it alone.
    const refused = orderEvent('not-an-account', 'success');
    const unreadable = { subject: Subjects.orders.events(accountId, 'success'), event: '{not json' };
    const before = (await (await jetstreamManager(nc)).consumers.info(ORDERS, 'notifications-webhooks')).num_redelivered;
    await publish([first, refused, unreadable, second]);
    await settled(2);
    const delivered = (await service.db.query(`SELECT event_id FROM webhook_deliveries WHERE account_id = $1 ORDER BY seq`, [accountId])) as { event_id: string }[];
    expect(delivered.map((d) => d.event_id)).toEqual([first.event.id, second.event.id]);
    // Nak'ed with a delay: they come back, alone, and fail again.
    for (const deadline = Date.now() + 20_000; ; ) {
      const info = await (await jetstreamManager(nc)).consumers.info(ORDERS, 'notifications-webhooks');
      if (info.num_redelivered >= before + 2) break;
      if (Date.now() > deadline) throw new Error('not redelivered');
      await new Promise((r) => setTimeout(r, 200));
    }
    // Taken out of the stream, so the next test's consumer starts clean.
    await (await jetstreamManager(nc)).streams.purge(ORDERS);
  });
});

