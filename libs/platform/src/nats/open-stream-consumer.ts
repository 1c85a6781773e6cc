import type { NatsConnection } from '@nats-io/transport-node';
import { AckPolicy, type Consumer, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';

export interface StreamConsumerOptions {
  /** A durable consumer survives restarts and remembers what was acked; without it, an ephemeral one. */
  durable?: string;
  /** One subject filter (`filter_subject`, which NATS 2.9 servers understand, unlike `filter_subjects`). */
  filterSubject?: string;
  /** Start with messages published from now on, instead of the whole stream. */
  onlyNew?: boolean;
}

/**
 * A pull consumer on a JetStream stream, created (or, when durable, re-used) through the manager API.
 * Ephemeral consumers are dropped by the server a minute after their reader goes away.
 */
export async function openStreamConsumer(connection: NatsConnection, stream: string, options: StreamConsumerOptions): Promise<Consumer> {
  const manager = await jetstreamManager(connection);
  const config = {
    ack_policy: options.durable ? AckPolicy.Explicit : AckPolicy.None,
    deliver_policy: options.onlyNew ? DeliverPolicy.New : DeliverPolicy.All,
    ...(options.filterSubject ? { filter_subject: options.filterSubject } : {}),
    ...(options.durable ? { durable_name: options.durable, max_deliver: -1, ack_wait: 30e9 } : { inactive_threshold: 60e9 }),
  };
  let name = options.durable;
  try {
    name = (await manager.consumers.add(stream, config)).name;
  } catch (error) {
    if (!options.durable || !/already in use|exists/i.test((error as Error).message)) throw error;
  }
  return jetstream(connection).consumers.get(stream, name as string);
}
