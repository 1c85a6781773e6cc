import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { type ApiKeyMode, type BatchCompletedEvent, type OrderEvent, Subjects, type WalletEvent, WEBHOOK_EVENT_TYPES } from '@airtime/contracts';
import { natsServers, openStreamConsumer } from '@airtime/platform';
import { NotificationsConfig } from '../config/notifications.config.js';
import { SmsService } from '../sms/sms.service.js';
import { DeliveryDispatcher } from './delivery-dispatcher.js';

const CONSUMER = 'notifications-webhooks';

/**
 * Turns order and wallet events into webhook deliveries (and custom SMS), from durable JetStream
 * consumers: an event is acked only once what it causes is in PostgreSQL, so a restart loses none,
 * and the unique (endpoint, event) key makes a redelivered event harmless.
 */
@Injectable()
export class EventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventsConsumer.name);
  private connection?: NatsConnection;
  private readonly open: ConsumerMessages[] = [];
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: NotificationsConfig,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly sms: SmsService,
  ) {}

  async onApplicationBootstrap() {
    this.connection = await connect({ servers: natsServers(this.config.NATS_URL), name: `notifications@${process.pid}`, maxReconnectAttempts: -1, noAsyncTraces: true });
    void this.consume(Subjects.orders.eventsStream(), (m) => this.onOrdersStreamEvent(accountOf(m), m.json<OrderEvent | BatchCompletedEvent>()));
    void this.consume(Subjects.wallet.eventsStream(), (m) => this.onWalletEvent(m.json<WalletEvent>()));
  }

  async onApplicationShutdown() {
    this.stopped = true;
    await Promise.all(this.open.map((messages) => messages.close()));
    await this.connection?.drain().catch(() => undefined);
  }

  private async consume(stream: string, handle: (message: JsMsg) => Promise<void>): Promise<void> {
    while (!this.stopped) {
      try {
        // The publishing service creates its stream; until it has, wait.
        const consumer = await openStreamConsumer(this.connection as NatsConnection, stream, { durable: CONSUMER });
        const messages = await consumer.consume();
        this.open.push(messages);
        for await (const message of messages) {
          try {
            await handle(message);
            message.ack();
          } catch (error) {
            this.logger.warn(`event not taken yet, will be redelivered: ${(error as Error).message}`);
            message.nak(5000);
          }
        }
      } catch (error) {
        if (this.stopped) return;
        this.logger.warn(`${stream} not readable yet: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  /** The orders stream carries order events and, beside them, bulk batches' completions. */
  private async onOrdersStreamEvent(accountId: string, event: OrderEvent | BatchCompletedEvent): Promise<void> {
    if (event.type === 'batch.completed') return this.enqueueWebhooks(accountId, event.batch.mode, event.id, event.type, event.occurred_at, event.batch);
    return this.onOrderEvent(accountId, event);
  }

  private async onOrderEvent(accountId: string, event: OrderEvent): Promise<void> {
    const order = event.order;
    // 001: custom_sms goes to the recipient when the recharge succeeds (a phone, not a meter).
    if (order.status === 'success' && order.custom_sms && order.kind !== 'electricity') {
      await this.sms.enqueue(`order:${order.id}:custom_sms`, 'custom_sms', order.target, order.custom_sms, order.mode);
    }
    await this.enqueueWebhooks(accountId, order.mode, event.id, `order.${order.status}`, event.occurred_at, order);
  }

  private async onWalletEvent(event: WalletEvent): Promise<void> {
    if (event.topup) await this.enqueueWebhooks(event.account_id, event.mode, event.id, event.type, event.occurred_at, event.topup);
  }

  /** Only to the endpoints of the event's mode: a live order's voucher PIN never reaches a test endpoint. */
  private async enqueueWebhooks(accountId: string, mode: ApiKeyMode, eventId: string, type: string, occurredAt: string, data: object): Promise<void> {
    if (!(WEBHOOK_EVENT_TYPES as readonly string[]).includes(type)) return;
    const body = JSON.stringify({ id: eventId, type, created_at: occurredAt, data });
    const inserted = await this.dataSource.query(
      `INSERT INTO webhook_deliveries (endpoint_id, account_id, mode, event_id, event_type, body)
       SELECT id, account_id, mode, $2, $3, $4 FROM webhook_endpoints
        WHERE account_id = $1 AND mode = $5 AND deleted_at IS NULL AND $3 = ANY(events)
       ON CONFLICT (endpoint_id, event_id) DO NOTHING
       RETURNING id`,
      [accountId, eventId, type, body, mode],
    );
    if ((inserted as unknown[]).length) this.dispatcher.nudge();
  }
}

/** The subject names the account: `<prefix>orders.events.<account>.<status>`. */
function accountOf(message: JsMsg): string {
  return message.subject.split('.').at(-2) as string;
}
