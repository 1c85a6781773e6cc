import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { Subjects } from '@airtime/contracts';
import { natsServers, rows } from '@airtime/platform';
import { OrdersConfig } from '../config/orders.config.js';

interface OutboxRow {
  id: string;
  event_id: string;
  account_id: string;
  status: string;
  payload: Record<string, unknown>;
}

/**
 * Publishes the outbox of order events to JetStream, in order, each with its event id as the message
 * id so that JetStream drops a duplicate if a publish is retried after a crash. A status change is
 * written to the outbox in its own transaction; this only moves it on, so no change is ever lost.
 */
@Injectable()
export class OrderEventsPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OrderEventsPublisher.name);
  private connection?: NatsConnection;
  private js?: JetStreamClient;
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private again = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: OrdersConfig,
  ) {}

  async onApplicationBootstrap() {
    this.connection = await connect({ servers: natsServers(this.config.NATS_URL), name: `orders-events@${process.pid}`, maxReconnectAttempts: -1 });
    const manager = await jetstreamManager(this.connection);
    const name = Subjects.orders.eventsStream();
    const subjects = [Subjects.orders.events('*', '*').replace(/\*\.\*$/, '>')];
    try {
      await manager.streams.info(name);
      await manager.streams.update(name, { subjects });
    } catch {
      await manager.streams.add({ name, subjects, max_age: 30 * 24 * 3600 * 1e9, duplicate_window: 10 * 60 * 1e9 });
    }
    this.js = jetstream(this.connection);
    this.timer = setInterval(() => this.nudge(), this.config.EVENTS_FLUSH_MS);
    this.nudge();
  }

  async onApplicationShutdown() {
    clearInterval(this.timer);
    await this.flushing;
    await this.connection?.drain().catch(() => undefined);
  }

  /** Asks for a flush soon; cheap to call after every status change. */
  nudge(): void {
    if (!this.js) return;
    if (this.flushing) {
      this.again = true;
      return;
    }
    this.flushing = this.flush()
      .catch((error: Error) => this.logger.warn(`order events not published yet: ${error.message}`))
      .finally(() => {
        this.flushing = undefined;
        if (this.again) {
          this.again = false;
          this.nudge();
        }
      });
  }

  private async flush(): Promise<void> {
    for (;;) {
      const published = await this.dataSource.transaction(async (m) => {
        const batch = await rows<OutboxRow>(m, `SELECT * FROM order_events WHERE published_at IS NULL ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED`);
        for (const event of batch) {
          await this.js!.publish(Subjects.orders.events(event.account_id, event.status), JSON.stringify({ id: event.event_id, ...event.payload }), { msgID: event.event_id });
        }
        if (batch.length) await m.query(`UPDATE order_events SET published_at = now() WHERE id = ANY($1)`, [batch.map((e) => e.id)]);
        return batch.length;
      });
      if (published < 100) return;
    }
  }
}
