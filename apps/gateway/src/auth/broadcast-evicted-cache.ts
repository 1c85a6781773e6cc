import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { connect, type NatsConnection, type Status } from '@nats-io/transport-node';
import { natsServers } from '@airtime/platform';
import { LRUCache } from 'lru-cache';

export interface BroadcastEvictedCacheOptions {
  natsUrl: string;
  /** Names the NATS connection and the log lines. */
  name: string;
  /** The broadcast subject that tells what to forget (subscribed without a queue group: every replica hears it). */
  subject: string;
  /** 0: nothing is cached, every lookup asks. */
  ttlSeconds: number;
  maxEntries: number;
}

/**
 * What identity said about a credential, remembered for a bounded time and count, and forgotten at
 * once when identity broadcasts a change:
 *
 * - Only answers are cached, never refusals (the caller's `ask` throws them through).
 * - While the broadcast subscription is not connected nothing is served from or added to the cache,
 *   and it is emptied on every disconnect and reconnect (a broadcast may have been missed in the gap).
 *   A broadcast lost anyway leaves an entry for at most `ttlSeconds`.
 * - An answer that was on its way while a broadcast arrived is used but not cached (the generation
 *   changed): it may have been read before the change was committed.
 * - Concurrent lookups of one key share one question.
 */
export abstract class BroadcastEvictedCache<V extends object> implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger: Logger;
  /** Bounded by count (least recently used first) and by age from when it was set (reads never extend it). */
  private readonly cache?: LRUCache<string, V>;
  private readonly pending = new Map<string, Promise<V>>();
  /** Bumped by every eviction: an answer asked for before it is used but not cached. */
  private generation = 0;
  /** Whether broadcasts are being heard now; the cache is used only then. */
  private listening = false;
  private connection?: NatsConnection;

  protected constructor(private readonly options: BroadcastEvictedCacheOptions) {
    this.logger = new Logger(options.name);
    if (options.ttlSeconds > 0) this.cache = new LRUCache<string, V>({ max: options.maxEntries, ttl: options.ttlSeconds * 1000, updateAgeOnGet: false, allowStale: false });
  }

  /** A broadcast's message (parsed JSON, or undefined when it was not JSON): evict what it names. */
  protected abstract onBroadcast(message: unknown): void;

  async onApplicationBootstrap() {
    if (!this.cache) return;
    const { natsUrl, name, subject } = this.options;
    this.connection = await connect({ servers: natsServers(natsUrl), name: `gateway-${name}@${process.pid}`, maxReconnectAttempts: -1 });
    void this.followStatus(this.connection);
    this.connection.subscribe(subject, {
      callback: (error, message) => {
        if (error) return this.forgetAll(`subscription error: ${error.message}`);
        let parsed: unknown;
        try {
          parsed = message.json();
        } catch {
          parsed = undefined;
        }
        this.onBroadcast(parsed);
      },
    });
    // The server has the subscription once it answers a PING sent after it.
    await this.connection.flush();
    this.listening = true;
  }

  async onApplicationShutdown() {
    this.listening = false;
    await this.connection?.drain().catch(() => undefined);
  }

  /** The cached answer for `key`, or `ask`'s (cached when it answers, thrown through when it refuses). */
  protected async lookup(key: string, ask: () => Promise<V>): Promise<V> {
    if (!this.cache) return ask();
    const cached = this.listening ? this.cache.get(key) : undefined;
    if (cached) return { ...cached };
    let answer = this.pending.get(key);
    if (!answer) {
      const generation = this.generation;
      answer = ask().then((value) => {
        if (this.listening && generation === this.generation) this.cache?.set(key, value);
        return value;
      });
      this.pending.set(key, answer);
      const mine = answer;
      // An eviction may have put a newer question in its place: leave that one.
      const settled = () => this.pending.get(key) === mine && this.pending.delete(key);
      answer.then(settled, settled);
    }
    return { ...(await answer) };
  }

  protected forget(key: string | undefined, matches?: (value: V) => boolean): void {
    if (!this.cache) return;
    this.generation++;
    this.pending.clear();
    if (key) this.cache.delete(key);
    // A scan, for rare events (a revocation, a PIN reset), never per request.
    if (matches) for (const [k, value] of [...this.cache.entries()]) if (matches(value)) this.cache.delete(k);
  }

  forgetAll(why: string): void {
    if (!this.cache) return;
    this.generation++;
    this.pending.clear();
    if (this.cache.size > 0) this.logger.log(`cache emptied: ${why}`);
    this.cache.clear();
  }

  private async followStatus(connection: NatsConnection): Promise<void> {
    for await (const status of connection.status() as AsyncIterable<Status>) {
      switch (status.type) {
        case 'disconnect':
          this.listening = false;
          this.forgetAll('NATS disconnected');
          break;
        case 'reconnect':
          // Broadcasts sent in the gap were missed: start afresh once the subscription is back.
          this.forgetAll('NATS reconnected');
          await connection.flush().catch(() => undefined);
          if (!connection.isClosed()) this.listening = true;
          break;
        case 'slowConsumer':
        case 'error':
          this.forgetAll(`NATS ${status.type}`);
          break;
        case 'close':
          this.listening = false;
          this.forgetAll('NATS connection closed');
          break;
        default:
          break;
      }
    }
  }
}
