import type { LoggerService } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { rows } from '../database/rows.js';
import { natsServers } from './create-rpc-client.js';

/** A row of an outbox table: `id bigserial`, `event_id uuid`, `payload jsonb`, `published_at`, and more. */
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
  flushMs: number;
  logger: LoggerService;
}

/**
 * Moves an outbox table to a JetStream stream, in order, each message with the event id as its
 * message id so that JetStream drops a duplicate when a publish is repeated after a crash. Replicas
 * share the work (rows are taken FOR UPDATE SKIP LOCKED). Nothing written to the outbox is lost:
 * a row is marked published only after JetStream has acknowledged it.
 */
export class OutboxRelay {
  private connection?: NatsConnection;
  private js?: JetStreamClient;
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private again = false;

  constructor(private readonly options: OutboxRelayOptions) {}

  async start(): Promise<void> {
    const { natsUrl, stream, streamSubjects, flushMs } = this.options;
    this.connection = await connect({ servers: natsServers(natsUrl), name: `${stream}-relay@${process.pid}`, maxReconnectAttempts: -1, noAsyncTraces: true });
    const manager = await jetstreamManager(this.connection);
    try {
      await manager.streams.info(stream);
      await manager.streams.update(stream, { subjects: streamSubjects });
    } catch {
      await manager.streams.add({ name: stream, subjects: streamSubjects, max_age: 30 * 24 * 3600 * 1e9, duplicate_window: 10 * 60 * 1e9 });
    }
    this.js = jetstream(this.connection);
    this.timer = setInterval(() => this.nudge(), flushMs);
    this.nudge();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    // A nudge after this (an order finishing during shutdown) must not start a flush on a database
    // that is closing: it would never finish and hold the shutdown. Its rows go at the next start.
    this.js = undefined;
    this.again = false;
    await this.flushing;
    await this.connection?.drain().catch(() => undefined);
  }

  /** Asks for a flush soon; cheap to call after every change. */
  nudge(): void {
    if (!this.js) return;
    if (this.flushing) {
      this.again = true;
      return;
    }
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
    const { dataSource, table, subjectOf } = this.options;
    const js = this.js as JetStreamClient;
    for (;;) {
      // The database may already be closed by the time a timer's nudge comes (shutdown order).
      if (!dataSource.isInitialized) return;
      const published = await dataSource.transaction(async (m) => {
        const batch = await rows<OutboxRow>(m, `SELECT * FROM ${table} WHERE published_at IS NULL ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED`);
        for (const event of batch) {
          await js.publish(subjectOf(event), JSON.stringify({ id: event.event_id, ...event.payload }), { msgID: event.event_id });
        }
        if (batch.length) await m.query(`UPDATE ${table} SET published_at = now() WHERE id = ANY($1)`, [batch.map((e) => e.id)]);
        return batch.length;
      });
      if (published < 100) return;
    }
  }
}
