import { Global, Injectable, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { BroadcastDef } from '@airtime/contracts';
import { natsServers } from '@airtime/platform';
import { IdentityConfig } from '../config/identity.config.js';

/** How long a broadcast waits for the NATS server to confirm it took the message. */
const FLUSH_TIMEOUT_MS = 2000;

/**
 * Tells every gateway replica what changed, on a connection of its own. Called after the change is
 * committed; a message that cannot be sent is logged and the change stands: the gateways' caches
 * expire on their own (API_KEY_CACHE_SECONDS), which is the bound when a broadcast is lost.
 */
@Injectable()
export class Broadcaster implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(Broadcaster.name);
  private connection?: NatsConnection;

  constructor(private readonly config: IdentityConfig) {}

  async onModuleInit() {
    this.connection = await connect({ servers: natsServers(this.config.NATS_URL), name: `identity-broadcasts@${process.pid}`, maxReconnectAttempts: -1 });
  }

  async onApplicationShutdown() {
    await this.connection?.drain().catch(() => undefined);
  }

  /**
   * Resolves once the server has the message (a flush: PING answered after the PUB), so that a reply
   * the caller sends afterwards, on any connection, reaches a gateway after the broadcast was routed.
   */
  async publish<Msg>(def: BroadcastDef<Msg>, message: NoInfer<Msg>): Promise<void> {
    try {
      if (!this.connection || this.connection.isClosed()) throw new Error('not connected');
      this.connection.publish(def.subject, JSON.stringify(message));
      await Promise.race([
        this.connection.flush(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('NATS did not confirm in time')), FLUSH_TIMEOUT_MS).unref()),
      ]);
    } catch (error) {
      this.logger.warn(`${def.subject} not broadcast: ${(error as Error).message}`);
    }
  }
}

@Global()
@Module({ providers: [Broadcaster], exports: [Broadcaster] })
export class BroadcastsModule {}
