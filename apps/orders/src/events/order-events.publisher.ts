import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Subjects } from '@airtime/contracts';
import { OutboxPublisher } from '@airtime/platform';
import { OrdersConfig } from '../config/orders.config.js';

/**
 * Order events, from the order_events outbox (written with each status change) to the stream
 * `<prefix>ORDERS` on `<prefix>orders.events.<account>.<status>`.
 */
@Injectable()
export class OrderEventsPublisher extends OutboxPublisher {
  constructor(@InjectDataSource() dataSource: DataSource, config: OrdersConfig) {
    super({
      dataSource,
      natsUrl: config.NATS_URL,
      streamReplicas: config.NATS_STREAM_REPLICAS,
      table: 'order_events',
      stream: Subjects.orders.eventsStream(),
      subject: Subjects.orders.events,
      columns: ['account_id', 'status'],
      // An order's events in order; a batch's completion (no order id) after everything before it.
      orderKey: 'order_id',
      flushMs: config.EVENTS_FLUSH_MS,
      logger: new Logger(OrderEventsPublisher.name),
    });
  }
}
