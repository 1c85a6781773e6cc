import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { ConsumerMessages } from '@nats-io/jetstream';
import { type OrderEvent, Subjects, WEBHOOK_EVENT_TYPES } from '@airtime/contracts';
import { natsServers, openStreamConsumer } from '@airtime/platform';
import { NotificationsConfig } from '../config/notifications.config.js';
import { SmsService } from '../sms/sms.service.js';
import { DeliveryDispatcher } from './delivery-dispatcher.js';

const CONSUMER = 'notifications-webhooks';

/**
 * Turns order events into webhook deliveries, from a durable JetStream consumer: an event is acked
 * only once its deliveries are in PostgreSQL, so a restart loses none, and the unique (endpoint,
 * event) key makes a redelivered event harmless.
 */
@Injectable()
export class OrderEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OrderEventsConsumer.name);
  private connection?: NatsConnection;
  private messages?: ConsumerMessages;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: NotificationsConfig,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly sms: SmsService,
  ) {}

  async onApplicationBootstrap() {
    this.connection = await connect({ servers: natsServers(this.config.NATS_URL), name: `notifications@${process.pid}`, maxReconnectAttempts: -1 });
    void this.run();
  }

  async onApplicationShutdown() {
    this.stopped = true;
    await this.messages?.close();
    await this.connection?.drain().catch(() => undefined);
  }

  private async run(): Promise<void> {
    const stream = Subjects.orders.eventsStream();
    while (!this.stopped) {
      try {
        // orders creates the stream; until it has, wait.
        const consumer = await openStreamConsumer(this.connection as NatsConnection, stream, { durable: CONSUMER });
        this.messages = await consumer.consume();
        for await (const message of this.messages) {
          try {
            // The subject names the account: `<prefix>orders.events.<account>.<status>`.
            await this.enqueue(message.subject.split('.').at(-2) as string, message.json<OrderEvent>());
            message.ack();
          } catch (error) {
            this.logger.warn(`event not taken yet, will be redelivered: ${(error as Error).message}`);
            message.nak(5000);
          }
        }
      } catch (error) {
        if (this.stopped) return;
        this.logger.warn(`order events not readable yet: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  private async enqueue(accountId: string, event: OrderEvent): Promise<void> {
    const order = event.order;
    // 001: custom_sms goes to the recipient when the recharge succeeds (a phone, not a meter).
    if (order.status === 'success' && order.custom_sms && order.kind !== 'electricity') {
      await this.sms.enqueue(`order:${order.id}:custom_sms`, 'custom_sms', order.target, order.custom_sms);
    }
    const type = `order.${order.status}`;
    if (!(WEBHOOK_EVENT_TYPES as readonly string[]).includes(type)) return;
    const body = JSON.stringify({ id: event.id, type, created_at: event.occurred_at, data: event.order });
    const inserted = await this.dataSource.query(
      `INSERT INTO webhook_deliveries (endpoint_id, account_id, event_id, event_type, body)
       SELECT id, account_id, $2, $3, $4 FROM webhook_endpoints
        WHERE account_id = $1 AND deleted_at IS NULL AND $3 = ANY(events)
       ON CONFLICT (endpoint_id, event_id) DO NOTHING
       RETURNING id`,
      [accountId, event.id, type, body],
    );
    if ((inserted as unknown[]).length) this.dispatcher.nudge();
  }
}
