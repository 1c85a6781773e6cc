import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { type ApiKeyMode, type BatchCompletedEvent, type OrderEvent, Subjects, type WalletEvent, WEBHOOK_EVENT_TYPES } from '@airtime/contracts';
import { natsServers, openStreamConsumer, preparedRows } from '@airtime/platform';
import { NotificationsConfig } from '../config/notifications.config.js';
import { SmsService } from '../sms/sms.service.js';
import { DeliveryDispatcher } from './delivery-dispatcher.js';
import { watchConsumerLag } from './delivery-metrics.js';

export const CONSUMER = 'notifications-webhooks';
/** Events taken as one batch at most: the consumer's pull size, so a full pull is one batch. */
const BATCH = 100;
/** How long the first event of a batch waits for others: webhooks go out a few milliseconds later, in far fewer statements. */
const GATHER_MS = 5;

/** What an event asks of webhooks: a delivery to each of its account's endpoints of its mode that want its type. */
interface Delivery {
  accountId: string;
  mode: ApiKeyMode;
  eventId: string;
  type: string;
  body: string;
}

/**
 * Turns order and wallet events into webhook deliveries (and custom SMS), from durable JetStream
 * consumers: an event is acked only once what it causes is in PostgreSQL, so a restart loses none,
 * and the unique (endpoint, event) key makes a redelivered event harmless.
 *
 * Events are taken in batches (what arrived within GATHER_MS of the first, up to BATCH): the webhook
 * deliveries of a whole batch are one INSERT, and its acks one socket write. An event that fails (its SMS, or its deliveries when the
 * batch's INSERT failed and each event was tried alone) is redelivered alone; the others are acked.
 */
@Injectable()
export class EventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventsConsumer.name);
  private connection?: NatsConnection;
  private readonly open: ConsumerMessages[] = [];
  private stopped = false;
  private unwatch?: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: NotificationsConfig,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly sms: SmsService,
  ) {}

  async onApplicationBootstrap() {
    this.connection = await connect({ servers: natsServers(this.config.NATS_URL), name: `notifications@${process.pid}`, maxReconnectAttempts: -1, noAsyncTraces: true });
    void this.consume(Subjects.orders.eventsStream(), (m) => this.onOrdersStreamEvent(accountOf(m), m.json<OrderEvent | BatchCompletedEvent>()));
    void this.consume(Subjects.wallet.eventsStream(), async (m) => this.onWalletEvent(m.json<WalletEvent>()));
    this.unwatch = watchConsumerLag(() => this.connection, [Subjects.orders.eventsStream(), Subjects.wallet.eventsStream()], CONSUMER);
  }

  async onApplicationShutdown() {
    this.stopped = true;
    this.unwatch?.();
    await Promise.all(this.open.map((messages) => messages.close()));
    await this.connection?.drain().catch(() => undefined);
  }

  private async consume(stream: string, plan: (message: JsMsg) => Promise<Delivery | undefined>): Promise<void> {
    while (!this.stopped) {
      try {
        // The publishing service creates its stream; until it has, wait.
        const consumer = await openStreamConsumer(this.connection as NatsConnection, stream, { durable: CONSUMER });
        const arrived: JsMsg[] = [];
        let taking = false;
        const takeArrived = async () => {
          taking = true;
          try {
            await new Promise((resolve) => setTimeout(resolve, GATHER_MS));
            while (arrived.length) await this.take(arrived.splice(0, BATCH), plan);
          } finally {
            taking = false;
          }
        };
        // The server delivers at most the consumer's max_ack_pending unacked messages, which bounds `arrived`.
        const messages = await consumer.consume({
          max_messages: BATCH,
          callback: (message) => {
            arrived.push(message);
            if (!taking) takeArrived().catch((error: Error) => this.logger.error(`events not taken: ${error.message}`));
          },
        });
        this.open.push(messages);
        const ended = await messages.closed();
        if (ended instanceof Error) throw ended;
      } catch (error) {
        if (this.stopped) return;
        this.logger.warn(`${stream} not readable yet: ${(error as Error).message}`);
      }
      if (!this.stopped) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  private async take(batch: JsMsg[], plan: (message: JsMsg) => Promise<Delivery | undefined>): Promise<void> {
    const planned: { message: JsMsg; delivery?: Delivery }[] = [];
    for (const message of batch) {
      try {
        planned.push({ message, delivery: await plan(message) });
      } catch (error) {
        this.redeliver(message, error as Error);
      }
    }
    const taken = new Set(planned.map((p) => p.message));
    const wanted = planned.filter((p) => p.delivery);
    try {
      await this.enqueueWebhooks(wanted.map((p) => p.delivery as Delivery));
    } catch {
      // One event the database refuses must not hold back the batch: each alone, so only it comes back.
      for (const { message, delivery } of wanted) {
        try {
          await this.enqueueWebhooks([delivery as Delivery]);
        } catch (error) {
          taken.delete(message);
          this.redeliver(message, error as Error);
        }
      }
    }
    // In one go: the acks leave in one socket write.
    for (const message of taken) message.ack();
  }

  private redeliver(message: JsMsg, error: Error): void {
    this.logger.warn(`event not taken yet, will be redelivered: ${error.message}`);
    message.nak(5000);
  }

  /** The orders stream carries order events and, beside them, bulk batches' completions. */
  private async onOrdersStreamEvent(accountId: string, event: OrderEvent | BatchCompletedEvent): Promise<Delivery | undefined> {
    if (event.type === 'batch.completed') return delivery(accountId, event.batch.mode, event.id, event.type, event.occurred_at, event.batch);
    return this.onOrderEvent(accountId, event);
  }

  private async onOrderEvent(accountId: string, event: OrderEvent): Promise<Delivery | undefined> {
    const order = event.order;
    // 001: custom_sms goes to the recipient when the recharge succeeds (a phone, not a meter).
    if (order.status === 'success' && order.custom_sms && order.kind !== 'electricity') {
      await this.sms.enqueue(`order:${order.id}:custom_sms`, 'custom_sms', order.target, order.custom_sms, order.mode);
    }
    return delivery(accountId, order.mode, event.id, `order.${order.status}`, event.occurred_at, order);
  }

  private onWalletEvent(event: WalletEvent): Delivery | undefined {
    return event.topup ? delivery(event.account_id, event.mode, event.id, event.type, event.occurred_at, event.topup) : undefined;
  }

  /**
   * Only to the endpoints of the event's mode: a live order's voucher PIN never reaches a test
   * endpoint. Numbered (seq) in the order the events came.
   */
  private async enqueueWebhooks(deliveries: Delivery[]): Promise<void> {
    if (!deliveries.length) return;
    const column = <K extends keyof Delivery>(key: K) => deliveries.map((d) => d[key]);
    const inserted = await preparedRows(
      this.dataSource,
      `INSERT INTO webhook_deliveries (endpoint_id, account_id, mode, event_id, event_type, body)
       SELECT e.id, e.account_id, e.mode, d.event_id, d.event_type, d.body
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[]) WITH ORDINALITY AS d (account_id, mode, event_id, event_type, body, n)
         JOIN webhook_endpoints e ON e.account_id = d.account_id AND e.mode = d.mode AND e.deleted_at IS NULL AND d.event_type = ANY(e.events)
        ORDER BY d.n, e.id
       ON CONFLICT (endpoint_id, event_id) DO NOTHING
       RETURNING id`,
      [column('accountId'), column('mode'), column('eventId'), column('type'), column('body')],
    );
    if ((inserted as unknown[]).length) this.dispatcher.nudge();
  }
}

/** The delivery an event asks for, if webhooks carry its type. */
function delivery(accountId: string, mode: ApiKeyMode, eventId: string, type: string, occurredAt: string, data: object): Delivery | undefined {
  if (!(WEBHOOK_EVENT_TYPES as readonly string[]).includes(type)) return undefined;
  return { accountId, mode, eventId, type, body: JSON.stringify({ id: eventId, type, created_at: occurredAt, data }) };
}

/** The subject names the account: `<prefix>orders.events.<account>.<status>`. */
function accountOf(message: JsMsg): string {
  return message.subject.split('.').at(-2) as string;
}
