import type { LoggerService } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { QueryResult } from 'pg';
import { pgPoolOf, rows } from '../database/rows.js';
import { counter, scrapedGauge, sharedRead } from '../metrics/metrics.js';
import { natsServers } from './create-rpc-client.js';

/** A row of an outbox table: `id bigserial`, `event_id uuid`, `payload jsonb`, `created_at` (its age is the relay's lag), `published_at`, and more. */
export interface OutboxRow {
  id: string;
  event_id: string;
  payload: Record<string, unknown>;
  [column: string]: unknown;
}

export interface OutboxRelayOptions {
  dataSource: DataSource;
  natsUrl: string;
  /** The outbox table, written in the same transaction as the change it announces. */
  table: string;
  stream: string;
  streamSubjects: string[];
  subjectOf(row: OutboxRow): string;
  /**
   * The column whose rows reach the stream in the order they were written (an order's id, an
   * account's id). Rows of different values go out side by side; a row with NULL there waits for
   * every row before it. Without it, every row waits for the one before it.
   */
  orderKey?: string;
  /** The stream's replicas (NATS_STREAM_REPLICAS); unset: 1 for a new stream, an existing one's left as it is. */
  streamReplicas?: number;
  flushMs: number;
  /** Rows taken by one flush: one SELECT, their publishes in flight together, one UPDATE. */
  batchSize?: number;
  /** How long a nudge waits for more nudges, so that a burst of writes is one flush, not one each. */
  coalesceMs?: number;
  logger: LoggerService;
}

const BATCH_SIZE = 500;
const COALESCE_MS = 5;
/** Past this many unpublished rows the count stops (a scrape must stay cheap however far behind the relay is). */
const LAG_COUNT_CAP = 100_000;

const publishedEvents = counter('outbox_published_events_total', 'Outbox events published to JetStream and marked, by stream', ['stream']);
const unpublished = scrapedGauge('outbox_unpublished_events', `Outbox rows not yet acknowledged by JetStream, by stream (counted up to ${LAG_COUNT_CAP})`, ['stream']);
const oldestAge = scrapedGauge('outbox_oldest_unpublished_age_seconds', 'Age of the oldest outbox row not yet published, by stream (0 when none)', ['stream']);

/**
 * Moves an outbox table to a JetStream stream, each message with the event id as its message id so
 * that JetStream drops a duplicate when a publish is repeated after a crash. Replicas share the work
 * (rows are taken FOR UPDATE SKIP LOCKED). Nothing written to the outbox is lost: a row is marked
 * published only after JetStream has acknowledged it.
 *
 * A flush is one transaction whatever its size: one SELECT of up to `batchSize` rows, all their
 * publishes in flight at once (one socket write, acks read together), one UPDATE of the rows
 * JetStream acknowledged. Order holds per `orderKey`: a row is published only after the row before
 * it with the same key was acknowledged, so a failed publish followed by a retry can never put a
 * later event of the same order (account) on the stream before an earlier one; the rows left
 * unpublished by a failure go, in order, at the next flush.
 */
export class OutboxRelay {
  private connection?: NatsConnection;
  private js?: JetStreamClient;
  private timer?: NodeJS.Timeout;
  private pending?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private again = false;
  private readonly unwatch: (() => void)[] = [];

  constructor(private readonly options: OutboxRelayOptions) {}

  async start(): Promise<void> {
    const { natsUrl, stream, streamSubjects, streamReplicas, flushMs } = this.options;
    this.connection = await connect({ servers: natsServers(natsUrl), name: `${stream}-relay@${process.pid}`, maxReconnectAttempts: -1, noAsyncTraces: true });
    const manager = await jetstreamManager(this.connection);
    const exists = await manager.streams.info(stream).then(() => true, () => false);
    const replicas = streamReplicas ? { num_replicas: streamReplicas } : {};
    try {
      if (exists) await manager.streams.update(stream, { subjects: streamSubjects, ...replicas });
      else await manager.streams.add({ name: stream, subjects: streamSubjects, max_age: 30 * 24 * 3600 * 1e9, duplicate_window: 10 * 60 * 1e9, num_replicas: streamReplicas ?? 1 });
    } catch (error) {
      // Fail the start naming the setting: a single server refuses more than one replica.
      const setting = streamReplicas ? ` with NATS_STREAM_REPLICAS=${streamReplicas}` : '';
      throw new Error(`JetStream stream ${stream} could not be ${exists ? 'updated' : 'created'}${setting}: ${(error as Error).message}`);
    }
    this.js = jetstream(this.connection);
    this.watchLag();
    this.timer = setInterval(() => this.nudge(), flushMs);
    this.nudge();
  }

  async stop(): Promise<void> {
    for (const unwatch of this.unwatch.splice(0)) unwatch();
    clearInterval(this.timer);
    clearTimeout(this.pending);
    this.pending = undefined;
    // A nudge after this (an order finishing during shutdown) must not start a flush on a database
    // that is closing: it would never finish and hold the shutdown. Its rows go at the next start.
    this.js = undefined;
    this.again = false;
    await this.flushing;
    await this.connection?.drain().catch(() => undefined);
  }

  /** Asks for a flush soon; cheap to call after every change (nudges within `coalesceMs` are one flush). */
  nudge(): void {
    if (!this.js) return;
    if (this.flushing) {
      this.again = true;
      return;
    }
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.run();
    }, this.options.coalesceMs ?? COALESCE_MS);
  }

  private run(): void {
    if (!this.js || this.flushing) return;
    this.flushing = this.flush()
      .catch((error: Error) => this.options.logger.warn(`${this.options.table} not published yet: ${error.message}`))
      .finally(() => {
        this.flushing = undefined;
        if (this.again) {
          this.again = false;
          this.nudge();
        }
      });
  }

  private async flush(): Promise<void> {
    const { dataSource } = this.options;
    const batchSize = this.options.batchSize ?? BATCH_SIZE;
    for (;;) {
      const js = this.js;
      // The database may already be closed by the time a timer's nudge comes (shutdown order).
      if (!js || !dataSource.isInitialized) return;
      const { taken, failure } = await this.flushBatch(js, batchSize);
      // What was acknowledged is marked; the rest waits for the next flush rather than a tight retry.
      if (failure) throw failure;
      if (taken < batchSize) return;
    }
  }

  /**
   * One batch in one transaction of two round trips on one pooled connection: BEGIN with the SELECT
   * that locks the rows, then (after JetStream's acks) the UPDATE with COMMIT. At a few orders at a
   * time a flush holds one or two rows, so its statements, not its rows, are its cost: four round
   * trips through a TypeORM transaction were as many as the order itself made (docs/performance.md).
   */
  private async flushBatch(js: JetStreamClient, batchSize: number): Promise<{ taken: number; failure?: Error }> {
    const { table, stream } = this.options;
    const client = await pgPoolOf(this.options.dataSource).connect();
    let broken: Error | undefined;
    try {
      const results = (await client.query(
        `BEGIN; SELECT * FROM ${table} WHERE published_at IS NULL ORDER BY id LIMIT ${Number(batchSize)} FOR UPDATE SKIP LOCKED`,
      )) as unknown as QueryResult<OutboxRow>[];
      const batch = results[1]?.rows ?? [];
      const { published, failure } = await this.publish(js, batch);
      // The ids are the table's own bigserial values, inlined so that both statements go in one message.
      const ids = published.filter((id) => /^\d+$/.test(String(id)));
      await client.query(ids.length ? `UPDATE ${table} SET published_at = now() WHERE id = ANY('{${ids.join(',')}}'::bigint[]); COMMIT` : 'COMMIT');
      if (ids.length) publishedEvents.labels(stream).inc(ids.length);
      return { taken: batch.length, failure };
    } catch (error) {
      broken = error as Error;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      // A connection whose transaction failed is not given back to others.
      client.release(broken);
    }
  }

  /**
   * Lag per stream, read when Prometheus scrapes: two index scans of the unpublished rows (the partial
   * index on `published_at IS NULL`), nothing on the publishing path.
   */
  private watchLag(): void {
    const { dataSource, table, stream } = this.options;
    const read = async () => {
      if (!dataSource.isInitialized) return undefined;
      const [lag] = await rows<{ n: number; age: number | null }>(dataSource,
        `SELECT (SELECT count(*)::int FROM (SELECT 1 FROM ${table} WHERE published_at IS NULL LIMIT ${LAG_COUNT_CAP}) x) AS n,
                (SELECT extract(epoch FROM now() - created_at)::float8 FROM ${table} WHERE published_at IS NULL ORDER BY id LIMIT 1) AS age`);
      return lag;
    };
    // One query per scrape for both gauges.
    const once = sharedRead(read);
    this.unwatch.push(
      unpublished.add(async (gauge) => {
        const lag = await once();
        if (lag) gauge.set({ stream }, lag.n);
      }),
      oldestAge.add(async (gauge) => {
        const lag = await once();
        if (lag) gauge.set({ stream }, Math.max(0, lag.age ?? 0));
      }),
    );
  }

  /** Publishes the batch, all at once except where `orderKey` makes a row wait; the ids acknowledged. */
  private async publish(js: JetStreamClient, batch: OutboxRow[]): Promise<{ published: string[]; failure?: Error }> {
    const { subjectOf, orderKey } = this.options;
    let failure: Error | undefined;
    const last = new Map<string, Promise<boolean>>();
    const all: Promise<boolean>[] = [];
    const send = async (row: OutboxRow): Promise<boolean> => {
      try {
        await js.publish(subjectOf(row), JSON.stringify({ id: row.event_id, ...row.payload }), { msgID: row.event_id });
        return true;
      } catch (error) {
        failure ??= error as Error;
        return false;
      }
    };
    for (const row of batch) {
      const key = orderKey ? row[orderKey] : '';
      const before = key === null || key === undefined ? Promise.all(all).then((done) => done.every(Boolean)) : (last.get(String(key)) ?? Promise.resolve(true));
      const done = before.then((ready) => ready && send(row));
      if (key !== null && key !== undefined) last.set(String(key), done);
      all.push(done);
    }
    const outcomes = await Promise.all(all);
    return { published: batch.filter((_, i) => outcomes[i]).map((row) => row.id), failure };
  }
}
