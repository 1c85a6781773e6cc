import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { connect, type NatsConnection, type Status } from '@nats-io/transport-node';
import { type ApiKeyRevokedMessage, Broadcasts, Rpc } from '@airtime/contracts';
import { natsServers, RpcClient } from '@airtime/platform';
import { GatewayConfig } from '../config/gateway.config.js';
import type { Principal } from './principal.js';
import { TtlLruCache } from './ttl-lru-cache.js';

type ApiKeyPrincipal = Extract<Principal, { kind: 'api-key' }>;

/**
 * Who an API key speaks for, asked of identity once and then remembered for API_KEY_CACHE_SECONDS, so
 * that a busy integration does not cost identity a lookup on every request.
 *
 * - Entries are keyed by the key's SHA-256, never the key, and only keys identity accepted are kept:
 *   a refusal is not remembered (a key just created works at once), and a stranger trying random keys
 *   cannot fill the cache (the count bound, API_KEY_CACHE_MAX_KEYS, is for real keys).
 * - Revocation is pushed: identity broadcasts `identity.api-keys.revoked` once it is committed, and
 *   every replica (each its own subscriber, no queue group) drops the key at once. While this
 *   subscription is not connected nothing is served from or added to the cache, and it is emptied on
 *   every disconnect and reconnect (a broadcast may have been missed in the gap). A broadcast lost
 *   anyway (identity failing between its commit and its publish) leaves a revoked key usable on a
 *   gateway for at most API_KEY_CACHE_SECONDS.
 * - An answer that was on its way while a revocation arrived is not cached (the generation changed):
 *   it may have been read before the revocation was committed.
 */
@Injectable()
export class ApiKeyVerifier implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ApiKeyVerifier.name);
  private readonly cache?: TtlLruCache<ApiKeyPrincipal>;
  /** Identity's answer being awaited per key hash: concurrent requests with one key share it. */
  private readonly pending = new Map<string, Promise<ApiKeyPrincipal>>();
  /** Bumped by every eviction: an answer asked for before it is used but not cached. */
  private generation = 0;
  /** Whether revocations are being heard now; the cache is used only then. */
  private listening = false;
  private connection?: NatsConnection;

  constructor(
    private readonly rpc: RpcClient,
    private readonly config: GatewayConfig,
  ) {
    if (config.API_KEY_CACHE_SECONDS > 0) this.cache = new TtlLruCache(config.API_KEY_CACHE_MAX_KEYS, config.API_KEY_CACHE_SECONDS * 1000);
  }

  async onApplicationBootstrap() {
    if (!this.cache) return;
    this.connection = await connect({ servers: natsServers(this.config.NATS_URL), name: `gateway-revocations@${process.pid}`, maxReconnectAttempts: -1 });
    void this.followStatus(this.connection);
    this.connection.subscribe(Broadcasts.identity.apiKeyRevoked.subject, {
      callback: (error, message) => {
        if (error) return this.forgetAll(`subscription error: ${error.message}`);
        let revoked: Partial<ApiKeyRevokedMessage> | undefined;
        try {
          revoked = message.json<Partial<ApiKeyRevokedMessage>>();
        } catch {
          revoked = undefined;
        }
        this.forgetRevoked(revoked ?? {});
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

  /** The key's principal; identity's refusal (or its absence) is thrown as the RpcClient throws it. */
  async verify(key: string): Promise<ApiKeyPrincipal> {
    if (!this.cache) return this.ask(key);
    const hash = createHash('sha256').update(key).digest('hex');
    const cached = this.listening ? this.cache.get(hash) : undefined;
    if (cached) return { ...cached };
    let answer = this.pending.get(hash);
    if (!answer) {
      const generation = this.generation;
      answer = this.ask(key).then((principal) => {
        if (this.listening && generation === this.generation) this.cache?.set(hash, principal);
        return principal;
      });
      this.pending.set(hash, answer);
      const mine = answer;
      // An eviction may have put a newer ask in its place: leave that one.
      const settled = () => this.pending.get(hash) === mine && this.pending.delete(hash);
      answer.then(settled, settled);
    }
    return { ...(await answer) };
  }

  /**
   * A revoked key: by its hash, and by its id (whatever else may have been cached for it). A message
   * that names neither empties the cache: a broadcast is never ignored.
   */
  forgetRevoked(revoked: Partial<ApiKeyRevokedMessage>): void {
    if (!this.cache) return;
    const hash = typeof revoked.key_hash === 'string' ? revoked.key_hash : undefined;
    const id = typeof revoked.api_key_id === 'string' ? revoked.api_key_id : undefined;
    if (!hash && !id) return this.forgetAll('a revocation without a key');
    this.generation++;
    this.pending.clear();
    if (hash) this.cache.delete(hash);
    if (id) this.cache.deleteWhere((principal) => principal.apiKeyId === id);
  }

  forgetAll(why: string): void {
    if (!this.cache) return;
    this.generation++;
    this.pending.clear();
    if (this.cache.size > 0) this.logger.log(`API key cache emptied: ${why}`);
    this.cache.clear();
  }

  private async ask(key: string): Promise<ApiKeyPrincipal> {
    const found = await this.rpc.request(Rpc.identity.verifyApiKey, { key });
    return { kind: 'api-key', apiKeyId: found.api_key_id, accountId: found.account_id, mode: found.mode };
  }

  private async followStatus(connection: NatsConnection): Promise<void> {
    for await (const status of connection.status() as AsyncIterable<Status>) {
      switch (status.type) {
        case 'disconnect':
          this.listening = false;
          this.forgetAll('NATS disconnected');
          break;
        case 'reconnect':
          // Revocations broadcast in the gap were missed: start afresh once the subscription is back.
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
