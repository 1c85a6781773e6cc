import { jest } from '@jest/globals';
import { register } from 'prom-client';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { OutboxRelay, type OutboxRow } from './outbox-relay.js';

// Real PostgreSQL (a database of this file's own) and real JetStream (a stream named after this
// file's subject prefix, removed at the end).
const prefix = process.env['NATS_SUBJECT_PREFIX'] as string;
const STREAM = `${prefix.replace(/\W/g, '_')}OUTBOX`;
const subjects = `${prefix}outbox.events.>`;
const natsUrl = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
const silent = { log: () => undefined, error: () => undefined, warn: () => undefined };

jest.setTimeout(30_000);

describe('OutboxRelay', () => {
  let database: TestDatabase;
  let db: DataSource;
  let nc: NatsConnection;
  let relay: OutboxRelay | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('outbox');
    db = await new DataSource({ type: 'postgres', url: database.url, extra: { max: 4 } }).initialize();
    await db.query(`
      CREATE TABLE events (
        id bigserial PRIMARY KEY,
        event_id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
        key text,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    nc = await connect({ servers: natsUrl });
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await relay?.stop();
    relay = undefined;
    await db.query('TRUNCATE events');
    await (await jetstreamManager(nc)).streams.delete(STREAM).catch(() => undefined);
  });

  afterAll(async () => {
    await nc.drain();
    await db.destroy();
    await database.drop();
  });

  /** A relay whose rows go to `<prefix>outbox.events.<key>`, or nowhere (no stream takes it) when the payload says so. */
  function startRelay(options: { flushMs?: number; orderKey?: string; streamReplicas?: number } = {}) {
    relay = new OutboxRelay({
      dataSource: db,
      natsUrl,
      table: 'events',
      stream: STREAM,
      streamSubjects: [subjects],
      subjectOf: (row: OutboxRow) => (row.payload['nowhere'] ? `${prefix}nowhere` : `${prefix}outbox.events.${row['key'] ?? 'none'}`),
      orderKey: 'orderKey' in options ? options.orderKey : 'key',
      ...(options.streamReplicas ? { streamReplicas: options.streamReplicas } : {}),
      flushMs: options.flushMs ?? 60_000,
      logger: silent,
    });
    return relay;
  }

  async function write(key: string | null, payload: Record<string, unknown> = {}): Promise<string> {
    const [row] = (await db.query(`INSERT INTO events (key, payload) VALUES ($1, $2) RETURNING id`, [key, payload])) as { id: string }[];
    return (row as { id: string }).id;
  }

  const unpublished = async () => ((await db.query(`SELECT id FROM events WHERE published_at IS NULL ORDER BY id`)) as { id: string }[]).map((r) => r.id);

  async function until(check: () => Promise<boolean>, ms = 5000): Promise<void> {
    for (const deadline = Date.now() + ms; !(await check()); ) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** The relay's transactions as PostgreSQL sees them: counted by their BEGIN, and awaited by their COMMIT. */
  function watchTransactions() {
    const spy = jest.spyOn(pg.Client.prototype, 'query');
    const sent = (word: string) => spy.mock.calls.flatMap(([sql], i) => (typeof sql === 'string' && sql.includes(word) ? [i] : []));
    return {
      begun: () => sent('BEGIN').length,
      committed: async () => {
        const commits = sent('COMMIT');
        await Promise.all(commits.map((i) => spy.mock.results[i]?.value));
        return commits.length;
      },
      clear: () => spy.mockClear(),
    };
  }

  /** The stream's messages in stream order: [key, n]. */
  async function onStream(): Promise<[string, number][]> {
    const { state } = await (await jetstreamManager(nc)).streams.info(STREAM);
    const found: [string, number][] = [];
    if (!state.messages) return found;
    const messages = await (await jetstream(nc).consumers.get(STREAM)).fetch({ max_messages: state.messages, expires: 2000 });
    for await (const m of messages) {
      const body = m.json<{ n: number }>();
      found.push([m.subject.split('.').at(-1) as string, body.n]);
      if (found.length === state.messages) break;
    }
    return found;
  }

  it('creates its stream with one replica unless NATS_STREAM_REPLICAS says more, applies a setting to an existing stream, and never lowers it when unset', async () => {
    const replicas = async () => (await (await jetstreamManager(nc)).streams.info(STREAM)).config.num_replicas;
    const restart = async (streamReplicas?: number) => {
      await relay?.stop();
      await startRelay(streamReplicas ? { streamReplicas } : {}).start();
    };
    await restart();
    expect(await replicas()).toBe(1);
    // (A single server accepts a higher count on an existing stream's config; a cluster replicates it.)
    await restart(2);
    expect(await replicas()).toBe(2);
    await restart();
    expect(await replicas()).toBe(2);

    // This test server is a single one: a new stream with three replicas is refused, and the start fails naming the setting.
    await relay?.stop();
    relay = undefined;
    await (await jetstreamManager(nc)).streams.delete(STREAM);
    await expect(startRelay({ streamReplicas: 3 }).start()).rejects.toThrow(`JetStream stream ${STREAM} could not be created with NATS_STREAM_REPLICAS=3`);
  });

  it('publishes a burst in one flush (one transaction) whatever the number of its nudges', async () => {
    const transactions = watchTransactions();
    const started = startRelay();
    await started.start();
    // The flush at start-up, of nothing.
    await until(async () => (await transactions.committed()) === 1);
    transactions.clear();
    // 120 changes committed together (say, by concurrent requests), each followed by its nudge.
    await db.query(`INSERT INTO events (key, payload) SELECT 'k' || (n % 3), jsonb_build_object('n', n) FROM generate_series(0, 119) n`);
    for (let n = 0; n < 120; n++) started.nudge();
    await until(async () => (await unpublished()).length === 0);
    expect(transactions.begun()).toBe(1);

    const stream = await onStream();
    expect(stream).toHaveLength(120);
    for (const key of ['k0', 'k1', 'k2']) {
      const ns = stream.filter(([k]) => k === key).map(([, n]) => n);
      expect(ns).toEqual([...ns].sort((a, b) => a - b));
    }
  });

  it('takes a backlog larger than a batch in batches, one transaction each, without a nudge per row', async () => {
    await db.query(`INSERT INTO events (key, payload) SELECT 'k' || (n % 7), jsonb_build_object('n', n) FROM generate_series(0, 1099) n`);
    const transactions = watchTransactions();
    await startRelay().start();
    await until(async () => (await unpublished()).length === 0, 15_000);
    // 500 + 500 + 100 rows.
    expect(transactions.begun()).toBe(3);
    const stream = await onStream();
    expect(stream.map(([, n]) => n)).toEqual(Array.from({ length: 1100 }, (_, n) => n));
  });

  it('holds back the rest of a key after a failed publish, publishes the other keys, and the next flush sends the key in order', async () => {
    await write('a', { n: 1 });
    const failing = await write('a', { n: 2, nowhere: true });
    await write('b', { n: 3 });
    const heldA = await write('a', { n: 4 });
    await write('b', { n: 5 });
    // A row without a key waits for everything before it, the failed row included.
    const heldBarrier = await write(null, { n: 6 });
    await write('b', { n: 7 });

    await startRelay().start();
    await until(async () => (await unpublished()).length === 3);
    expect(await unpublished()).toEqual([failing, heldA, heldBarrier]);
    expect((await onStream()).map(([, n]) => n)).toEqual([1, 3, 5, 7]);

    await db.query(`UPDATE events SET payload = payload - 'nowhere' WHERE id = $1`, [failing]);
    relay?.nudge();
    await until(async () => (await unpublished()).length === 0);
    const stream = await onStream();
    expect(stream.map(([, n]) => n)).toEqual([1, 3, 5, 7, 2, 4, 6]);
    expect(stream.filter(([k]) => k === 'a').map(([, n]) => n)).toEqual([1, 2, 4]);
  });

  it('reports its lag per stream when scraped: the unpublished rows and the oldest one\'s age, then none once published', async () => {
    const lag = async () => {
      const metrics = await register.getMetricsAsJSON();
      const value = (name: string) => metrics.find((m) => m.name === name)?.values.find((v) => v.labels['stream'] === STREAM)?.value;
      return { unpublished: value('airtime_outbox_unpublished_events'), age: value('airtime_outbox_oldest_unpublished_age_seconds'), published: value('airtime_outbox_published_events_total') };
    };
    const published = (await lag()).published ?? 0;
    await db.query(`INSERT INTO events (key, payload, created_at) VALUES ('a', '{"nowhere": true}', now() - interval '90 seconds')`);
    await write('a', { n: 2 });
    await write('b', { n: 3 });
    await startRelay().start();
    await until(async () => (await unpublished()).length === 2);
    const behind = await lag();
    expect(behind.unpublished).toBe(2);
    expect(behind.age).toBeGreaterThanOrEqual(90);
    expect(behind.published).toBe(published + 1);

    await db.query(`UPDATE events SET payload = '{}'`);
    relay?.nudge();
    await until(async () => (await unpublished()).length === 0);
    expect(await lag()).toEqual({ unpublished: 0, age: 0, published: published + 3 });
    // A stopped relay reports nothing for its stream, rather than its last lag forever.
    await relay?.stop();
    relay = undefined;
    expect(await lag()).toEqual({ unpublished: undefined, age: undefined, published: published + 3 });
  });

  it('publishes a row again when its mark was lost (a crash after the publish), and JetStream keeps one copy', async () => {
    for (let n = 0; n < 10; n++) await write(`k${n % 2}`, { n });
    const started = startRelay();
    await started.start();
    await until(async () => (await unpublished()).length === 0);
    // As if the process died after JetStream acknowledged and before the UPDATE committed.
    await db.query(`UPDATE events SET published_at = NULL WHERE id IN (SELECT id FROM events ORDER BY id LIMIT 6)`);
    started.nudge();
    await until(async () => (await unpublished()).length === 0);
    expect((await onStream()).map(([, n]) => n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('without an order key, a failed row holds back every row after it', async () => {
    await write('a', { n: 1 });
    const failing = await write('a', { n: 2, nowhere: true });
    const after = await write('b', { n: 3 });
    await startRelay({ orderKey: undefined }).start();
    await until(async () => (await unpublished()).length === 2);
    expect(await unpublished()).toEqual([failing, after]);
    expect((await onStream()).map(([, n]) => n)).toEqual([1]);
  });
});
