import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Subjects } from '@airtime/contracts';
import { OutboxRelay } from '@airtime/platform';
import { OrdersConfig } from '../config/orders.config.js';

/**
 * Order events, from the order_events outbox (written with each status change) to the stream
 * `<prefix>ORDERS` on `<prefix>orders.events.<account>.<status>`.
 */
@Injectable()
export class OrderEventsPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(@InjectDataSource() dataSource: DataSource, config: OrdersConfig) {
    this.relay = new OutboxRelay({
      dataSource,
      natsUrl: config.NATS_URL,
      table: 'order_events',
      stream: Subjects.orders.eventsStream(),
      streamSubjects: [Subjects.orders.events('*', '*').replace(/\*\.\*$/, '>')],
      subjectOf: (row) => Subjects.orders.events(String(row['account_id']), String(row['status'])),
      flushMs: config.EVENTS_FLUSH_MS,
      logger: new Logger(OrderEventsPublisher.name),
    });
  }

  onApplicationBootstrap() {
    return this.relay.start();
  }

  onApplicationShutdown() {
    return this.relay.stop();
  }

  nudge(): void {
    this.relay.nudge();
  }
}
