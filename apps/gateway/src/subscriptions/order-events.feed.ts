import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { ConsumerMessages } from '@nats-io/jetstream';
import { PubSub } from 'graphql-subscriptions';
import { type OrderEvent, type OrderView, Subjects, type WalletEvent } from '@airtime/contracts';
import { natsServers, openStreamConsumer } from '@airtime/platform';
import { GatewayConfig } from '../config/gateway.config.js';

export const ORDER_UPDATED = 'orderUpdated';
export const WALLET_UPDATED = 'walletUpdated';

export interface OrderUpdate {
  accountId: string;
  order: OrderView;
}

export interface WalletUpdate {
  accountId: string;
  mode: string;
  change: NonNullable<WalletEvent['balance_change']>;
}

/**
 * Feeds GraphQL subscriptions from the durable order and wallet events on JetStream. Each gateway instance reads
 * the stream with its own ordered consumer from "now", so every instance can serve any subscriber.
 */
@Injectable()
export class OrderEventsFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly pubSub = new PubSub<{ [ORDER_UPDATED]: OrderUpdate; [WALLET_UPDATED]: WalletUpdate }>();
  private readonly logger = new Logger(OrderEventsFeed.name);
  private connection?: NatsConnection;
  private readonly open: ConsumerMessages[] = [];
  private stopped = false;

  constructor(private readonly config: GatewayConfig) {}

  async onApplicationBootstrap() {
    this.connection = await connect({ servers: natsServers(this.config.NATS_URL), name: `gateway-feed@${process.pid}`, maxReconnectAttempts: -1, noAsyncTraces: true });
    void this.run(Subjects.orders.eventsStream(), Subjects.orders.events('*', '*'), async (subject, data) => {
      // The stream also carries bulk batches' completions, which are no order's update.
      const { order } = data as Partial<OrderEvent>;
      if (order) await this.pubSub.publish(ORDER_UPDATED, { accountId: subject.split('.').at(-2) as string, order });
    });
    void this.run(Subjects.wallet.eventsStream(), Subjects.wallet.events('*', 'wallet.balance_changed'), async (_subject, data) => {
      const event = data as WalletEvent;
      if (event.balance_change) await this.pubSub.publish(WALLET_UPDATED, { accountId: event.account_id, mode: event.mode, change: event.balance_change });
    });
  }

  async onApplicationShutdown() {
    this.stopped = true;
    await Promise.all(this.open.map((messages) => messages.close()));
    await this.connection?.drain().catch(() => undefined);
  }

  private async run(stream: string, filterSubject: string, publish: (subject: string, data: unknown) => Promise<void>): Promise<void> {
    while (!this.stopped) {
      try {
        const consumer = await openStreamConsumer(this.connection as NatsConnection, stream, {
          filterSubject: filterSubject.replace(/\*\.\*$/, '>'),
          onlyNew: true,
        });
        const messages = await consumer.consume();
        this.open.push(messages);
        for await (const message of messages) await publish(message.subject, message.json());
      } catch (error) {
        if (this.stopped) return;
        // The publishing service creates its stream; until it has, wait.
        this.logger.debug(`${stream} not readable yet: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }
}
