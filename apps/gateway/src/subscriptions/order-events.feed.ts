import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { ConsumerMessages } from '@nats-io/jetstream';
import { PubSub } from 'graphql-subscriptions';
import { type OrderEvent, type OrderView, Subjects } from '@airtime/contracts';
import { natsServers, openStreamConsumer } from '@airtime/platform';
import { GatewayConfig } from '../config/gateway.config.js';

export const ORDER_UPDATED = 'orderUpdated';

export interface OrderUpdate {
  accountId: string;
  order: OrderView;
}

/**
 * Feeds GraphQL subscriptions from the durable order events on JetStream. Each gateway instance reads
 * the stream with its own ordered consumer from "now", so every instance can serve any subscriber.
 */
@Injectable()
export class OrderEventsFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly pubSub = new PubSub<{ [ORDER_UPDATED]: OrderUpdate }>();
  private readonly logger = new Logger(OrderEventsFeed.name);
  private connection?: NatsConnection;
  private messages?: ConsumerMessages;
  private stopped = false;

  constructor(private readonly config: GatewayConfig) {}

  async onApplicationBootstrap() {
    this.connection = await connect({ servers: natsServers(this.config.NATS_URL), name: `gateway-feed@${process.pid}`, maxReconnectAttempts: -1 });
    void this.run();
  }

  async onApplicationShutdown() {
    this.stopped = true;
    await this.messages?.close();
    await this.connection?.drain().catch(() => undefined);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        const consumer = await openStreamConsumer(this.connection as NatsConnection, Subjects.orders.eventsStream(), {
          filterSubject: Subjects.orders.events('*', '*').replace(/\*\.\*$/, '>'),
          onlyNew: true,
        });
        this.messages = await consumer.consume();
        for await (const message of this.messages) {
          const accountId = message.subject.split('.').at(-2) as string;
          await this.pubSub.publish(ORDER_UPDATED, { accountId, order: message.json<OrderEvent>().order });
        }
      } catch (error) {
        if (this.stopped) return;
        // orders creates the stream; until it has, wait.
        this.logger.debug(`order events not readable yet: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }
}
