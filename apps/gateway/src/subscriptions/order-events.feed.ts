import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Consumer, ConsumerMessages } from '@nats-io/jetstream';
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

interface Updates {
  [ORDER_UPDATED]: OrderUpdate;
  [WALLET_UPDATED]: WalletUpdate;
}
type Kind = keyof Updates;

/** Where a kind of update comes from: one stream, read through one subject filter. */
interface Source {
  stream: () => string;
  filterSubject: () => string;
  publish: (subject: string, data: unknown) => Promise<void>;
}

/** The subscribers of one kind on this instance, and the stream reader that serves them while there are any. */
interface Audience {
  subscribers: number;
  reader?: StreamReader | undefined;
  linger?: NodeJS.Timeout | undefined;
}

/**
 * Feeds GraphQL subscriptions from the durable order and wallet events on JetStream. Each gateway instance reads
 * a stream with its own consumer from "now", so every instance can serve any subscriber; it reads a stream only
 * while it has subscribers of that kind, since every event read is work for this process and for nats-server.
 */
@Injectable()
export class OrderEventsFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  /**
   * How long a subscriber waits for its stream's consumer before it is served anyway: the stream may not exist yet,
   * and graphql-ws counts out a client that left meanwhile only once its subscription was served.
   */
  static readonly OPEN_WAIT_MS = 5000;

  private readonly pubSub = new PubSub<{ [K in Kind]: Updates[K] }>();
  private readonly logger = new Logger(OrderEventsFeed.name);
  private connection?: NatsConnection;
  private stopped = false;
  private readonly audiences: Record<Kind, Audience> = { [ORDER_UPDATED]: { subscribers: 0 }, [WALLET_UPDATED]: { subscribers: 0 } };
  private readonly sources: Record<Kind, Source> = {
    [ORDER_UPDATED]: {
      stream: () => Subjects.orders.eventsStream(),
      filterSubject: () => Subjects.orders.events('*', '*'),
      publish: async (subject, data) => {
        // The stream also carries bulk batches' completions, which are no order's update.
        const { order } = data as Partial<OrderEvent>;
        if (order) await this.pubSub.publish(ORDER_UPDATED, { accountId: subject.split('.').at(-2) as string, order });
      },
    },
    [WALLET_UPDATED]: {
      stream: () => Subjects.wallet.eventsStream(),
      filterSubject: () => Subjects.wallet.events('*', 'wallet.balance_changed'),
      publish: async (_subject, data) => {
        const event = data as WalletEvent;
        if (event.balance_change) await this.pubSub.publish(WALLET_UPDATED, { accountId: event.account_id, mode: event.mode, change: event.balance_change });
      },
    },
  };

  constructor(private readonly config: GatewayConfig) {}

  async onApplicationBootstrap() {
    this.connection = await connect({ servers: natsServers(this.config.NATS_URL), name: `gateway-feed@${process.pid}`, maxReconnectAttempts: -1, noAsyncTraces: true });
  }

  async onApplicationShutdown() {
    this.stopped = true;
    const readers: StreamReader[] = [];
    for (const audience of Object.values(this.audiences)) {
      clearTimeout(audience.linger);
      if (audience.reader) readers.push(audience.reader);
      audience.reader = undefined;
    }
    // A reader still opening is not waited for: it closes itself once open, or fails with the drained connection.
    await Promise.all(readers.map((reader) => reader.stop()));
    await this.connection?.drain().catch(() => undefined);
  }

  /**
   * The updates of one kind for one subscriber, from the moment its stream's consumer is open: the promise settles
   * only then (graphql-js awaits a subscribe resolver), so nothing published after the subscription is missed.
   * The subscriber counts until its iterator's return() or throw(), which graphql-ws calls when the client
   * completes or goes away.
   */
  async subscribe<K extends Kind>(kind: K): Promise<AsyncIterableIterator<Updates[K]>> {
    if (this.stopped) throw new Error('The gateway is shutting down');
    const updates = this.pubSub.asyncIterableIterator<Updates[K]>(kind);
    // PubSub's iterator listens from its first next() on; asked now, it hears the consumer's first message.
    let first: Promise<IteratorResult<Updates[K]>> | undefined = updates.next();
    const { opened, leave } = this.join(kind);
    let timer: NodeJS.Timeout | undefined;
    const waited = await Promise.race([
      opened.then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(resolve, OrderEventsFeed.OPEN_WAIT_MS, false))),
    ]);
    clearTimeout(timer);
    if (!waited) this.logger.warn(`${this.sources[kind].stream()} not readable yet; ${kind} subscriber served once it is`);
    const iterator: AsyncIterableIterator<Updates[K]> = {
      next: () => {
        const next = first ?? updates.next();
        first = undefined;
        return next;
      },
      return: () => {
        leave();
        return updates.return();
      },
      throw: (error: unknown) => {
        leave();
        return updates.throw(error);
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  /** Counts a subscriber in, opening the stream's consumer if it is the first; `leave` counts it out once, however often called. */
  private join(kind: Kind): { opened: Promise<void>; leave: () => void } {
    const audience = this.audiences[kind];
    audience.subscribers++;
    clearTimeout(audience.linger);
    audience.linger = undefined;
    audience.reader ??= new StreamReader(this.connection as NatsConnection, this.sources[kind], this.logger);
    let left = false;
    return {
      opened: audience.reader.opened,
      leave: () => {
        if (left) return;
        left = true;
        audience.subscribers--;
        if (audience.subscribers > 0 || this.stopped) return;
        // A dashboard that reloads or reconnects is back within seconds, and finds the consumer still open.
        audience.linger = setTimeout(() => {
          const reader = audience.reader;
          audience.reader = audience.linger = undefined;
          void reader?.stop();
        }, this.config.SUBSCRIPTION_FEED_LINGER_MS);
        audience.linger.unref();
      },
    };
  }
}

/** One stream's consumer, from "now", retried until it is open and re-opened if it ends, until stopped. */
class StreamReader {
  /** Settles once the consumer delivers (consume() started), or when the reader is stopped before that. */
  readonly opened: Promise<void>;
  private markOpened!: () => void;
  private stopped = false;
  private consumer?: Consumer;
  private messages?: ConsumerMessages;

  constructor(
    private readonly connection: NatsConnection,
    private readonly source: Source,
    private readonly logger: Logger,
  ) {
    this.opened = new Promise((resolve) => (this.markOpened = resolve));
    void this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.markOpened();
    await this.close();
  }

  private async run(): Promise<void> {
    const stream = this.source.stream();
    while (!this.stopped) {
      try {
        const consumer = (this.consumer = await openStreamConsumer(this.connection, stream, {
          filterSubject: this.source.filterSubject().replace(/\*\.\*$/, '>'),
          onlyNew: true,
        }));
        if (!this.stopped) this.messages = await consumer.consume();
        if (this.messages && !this.stopped) {
          this.markOpened();
          for await (const message of this.messages) await this.source.publish(message.subject, message.json());
        }
      } catch (error) {
        // The publishing service creates its stream; until it has, wait.
        if (!this.stopped) this.logger.debug(`${stream} not readable yet: ${(error as Error).message}`);
      }
      // Whatever ended the reading (a stop, even one while opening; a failure; a consumer the server dropped), that consumer is done with.
      await this.close();
      if (!this.stopped) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  private async close(): Promise<void> {
    const { consumer, messages } = this;
    this.consumer = this.messages = undefined;
    await messages?.close().catch(() => undefined);
    // Deleted at once: the server would otherwise keep it, matching every event of the stream, for its inactivity threshold (a minute).
    await consumer?.delete().catch(() => undefined);
  }
}
