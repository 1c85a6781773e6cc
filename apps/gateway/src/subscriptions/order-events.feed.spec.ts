import 'reflect-metadata';
import { jest } from '@jest/globals';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { Subjects, type OrderView } from '@airtime/contracts';
import type { GatewayConfig } from '../config/gateway.config.js';
import { ORDER_UPDATED, OrderEventsFeed, WALLET_UPDATED } from './order-events.feed.js';

// Real JetStream: streams named after this file's own subject prefix (tools/jest/setup-env.js), removed at the end.
const NATS_URL = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
const LINGER_MS = 300;
const ORDERS = Subjects.orders.eventsStream();
const WALLET = Subjects.wallet.eventsStream();
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

jest.setTimeout(30_000);

let nc: NatsConnection;
let jsm: JetStreamManager;
const feeds: OrderEventsFeed[] = [];

async function startFeed(): Promise<OrderEventsFeed> {
  const feed = new OrderEventsFeed({ NATS_URL, SUBSCRIPTION_FEED_LINGER_MS: LINGER_MS } as GatewayConfig);
  await feed.onApplicationBootstrap();
  feeds.push(feed);
  return feed;
}

const consumersOf = async (stream: string) => (await jsm.consumers.list(stream).next()).map((c) => c.name);

async function publishOrder(accountId: string, id: string) {
  const order = { id, mode: 'live', status: 'pending' } as unknown as OrderView;
  await jetstream(nc).publish(Subjects.orders.events(accountId, 'pending'), JSON.stringify({ order }));
}

/** The iterator's next value, or 'nothing' once `ms` passed. */
const nextWithin = <T>(iterator: AsyncIterator<T>, ms = 2000) =>
  Promise.race([iterator.next().then((r) => r.value as T), wait(ms).then(() => 'nothing' as const)]);

/** Until `check` holds, or fails after `ms`. */
async function eventually(check: () => Promise<boolean>, ms = 5000) {
  for (const deadline = Date.now() + ms; !(await check()); ) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await wait(50);
  }
}

beforeAll(async () => {
  nc = await connect({ servers: NATS_URL });
  jsm = await jetstreamManager(nc);
  await jsm.streams.add({ name: ORDERS, subjects: [Subjects.orders.events('>', '').replace(/\.$/, '')] });
  await jsm.streams.add({ name: WALLET, subjects: [Subjects.wallet.events('>', '').replace(/\.$/, '')] });
});

afterAll(async () => {
  await Promise.all(feeds.map((feed) => feed.onApplicationShutdown()));
  for (const stream of [ORDERS, WALLET]) await jsm.streams.delete(stream).catch(() => undefined);
  await nc.drain();
});

describe('the subscription feed', () => {
  it('reads a stream only while it has a subscriber of that kind, and closes its consumer after the linger', async () => {
    const feed = await startFeed();
    await wait(200);
    expect(await consumersOf(ORDERS)).toEqual([]);
    expect(await consumersOf(WALLET)).toEqual([]);

    const first = await feed.subscribe(ORDER_UPDATED);
    // Published as soon as the subscription is acknowledged: it must arrive.
    await publishOrder('acct-1', 'order-1');
    expect(await nextWithin(first)).toMatchObject({ accountId: 'acct-1', order: { id: 'order-1' } });
    const [consumer] = await consumersOf(ORDERS);
    expect(consumer).toBeDefined();
    expect(await consumersOf(WALLET)).toEqual([]);

    // A second subscriber shares the consumer; both hear the next event.
    const second = await feed.subscribe(ORDER_UPDATED);
    await publishOrder('acct-2', 'order-2');
    expect(await nextWithin(first)).toMatchObject({ order: { id: 'order-2' } });
    expect(await nextWithin(second)).toMatchObject({ order: { id: 'order-2' } });
    expect(await consumersOf(ORDERS)).toEqual([consumer]);

    // Leaving twice (return, then throw) counts once: the other subscriber keeps the consumer past the linger.
    await first.return?.();
    await first.throw?.(new Error('client went away')).catch(() => undefined);
    await wait(LINGER_MS * 3);
    expect(await consumersOf(ORDERS)).toEqual([consumer]);

    // The last one leaves; a subscriber back within the linger finds the same consumer.
    await second.return?.();
    await wait(LINGER_MS / 3);
    const third = await feed.subscribe(ORDER_UPDATED);
    await wait(LINGER_MS * 2);
    expect(await consumersOf(ORDERS)).toEqual([consumer]);
    await publishOrder('acct-3', 'order-3');
    expect(await nextWithin(third)).toMatchObject({ order: { id: 'order-3' } });

    await third.return?.();
    expect(await consumersOf(ORDERS)).toEqual([consumer]);
    await eventually(async () => (await consumersOf(ORDERS)).length === 0, LINGER_MS + 3000);
  });

  it('feeds wallet balance changes and passes by order events without an order', async () => {
    const feed = await startFeed();
    const wallet = await feed.subscribe(WALLET_UPDATED);
    const orders = await feed.subscribe(ORDER_UPDATED);
    const change = { currency: 'USD', balance_minor: '250', amount_minor: '250', kind: 'adjustment' };
    await jetstream(nc).publish(Subjects.wallet.events('acct-1', 'wallet.balance_changed'), JSON.stringify({ account_id: 'acct-1', mode: 'test', balance_change: change }));
    await jetstream(nc).publish(Subjects.orders.events('acct-1', 'batch.completed'), JSON.stringify({ batch: { id: 'b' } }));
    await publishOrder('acct-1', 'order-4');
    expect(await nextWithin(wallet)).toEqual({ accountId: 'acct-1', mode: 'test', change });
    expect(await nextWithin(orders)).toMatchObject({ order: { id: 'order-4' } });
    await Promise.all([wallet.return?.(), orders.return?.()]);
    await eventually(async () => (await consumersOf(ORDERS)).length + (await consumersOf(WALLET)).length === 0, LINGER_MS + 3000);
  });

  it('waits for a stream that does not exist yet, and reads it from when it appears', async () => {
    const prefix = process.env['NATS_SUBJECT_PREFIX'];
    process.env['NATS_SUBJECT_PREFIX'] = `${prefix}late.`;
    const stream = Subjects.orders.eventsStream();
    try {
      const feed = await startFeed();
      let subscribed = false;
      const subscription = feed.subscribe(ORDER_UPDATED).finally(() => (subscribed = true));
      await wait(300);
      expect(subscribed).toBe(false);
      await jsm.streams.add({ name: stream, subjects: [Subjects.orders.events('>', '').replace(/\.$/, '')] });
      const late = await subscription;
      await publishOrder('acct-1', 'order-5');
      expect(await nextWithin(late)).toMatchObject({ order: { id: 'order-5' } });
      await late.return?.();
    } finally {
      process.env['NATS_SUBJECT_PREFIX'] = prefix;
      await jsm.streams.delete(stream).catch(() => undefined);
    }
  });

  it('shuts down at once while a subscriber waits for a stream that is not there', async () => {
    const prefix = process.env['NATS_SUBJECT_PREFIX'];
    process.env['NATS_SUBJECT_PREFIX'] = `${prefix}missing.`;
    try {
      const feed = await startFeed();
      const subscription = feed.subscribe(WALLET_UPDATED);
      await wait(300);
      const started = Date.now();
      await feed.onApplicationShutdown();
      const iterator = await subscription;
      expect(Date.now() - started).toBeLessThan(1000);
      expect(await iterator.return?.()).toEqual({ value: undefined, done: true });
      await expect(feed.subscribe(ORDER_UPDATED)).rejects.toThrow('shutting down');
    } finally {
      process.env['NATS_SUBJECT_PREFIX'] = prefix;
    }
  });
});
