import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { type ApiKeyRevokedMessage, Broadcasts, Rpc } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { GatewayConfig } from '../config/gateway.config.js';
import { BroadcastEvictedCache } from './broadcast-evicted-cache.js';
import type { Principal } from './principal.js';

type ApiKeyPrincipal = Extract<Principal, { kind: 'api-key' }>;

/**
 * Who an API key speaks for, asked of identity once and then remembered for API_KEY_CACHE_SECONDS
 * (see BroadcastEvictedCache), so that a busy integration does not cost identity a lookup on every
 * request. Entries are keyed by the key's SHA-256, never the key, and only keys identity accepted are
 * kept: a key just created works at once, and a stranger trying random keys cannot fill the cache.
 * Identity broadcasts `identity.api-keys.revoked` once a revocation is committed, and every replica
 * drops the key at once.
 */
@Injectable()
export class ApiKeyVerifier extends BroadcastEvictedCache<ApiKeyPrincipal> {
  constructor(
    private readonly rpc: RpcClient,
    config: GatewayConfig,
  ) {
    super({
      natsUrl: config.NATS_URL,
      name: 'api-key-cache',
      subject: Broadcasts.identity.apiKeyRevoked.subject,
      ttlSeconds: config.API_KEY_CACHE_SECONDS,
      maxEntries: config.API_KEY_CACHE_MAX_KEYS,
    });
  }

  /** The key's principal; identity's refusal (or its absence) is thrown as the RpcClient throws it. */
  verify(key: string): Promise<ApiKeyPrincipal> {
    return this.lookup(createHash('sha256').update(key).digest('hex'), async () => {
      const found = await this.rpc.request(Rpc.identity.verifyApiKey, { key });
      return { kind: 'api-key', apiKeyId: found.api_key_id, accountId: found.account_id, mode: found.mode };
    });
  }

  /**
   * A revoked key: by its hash, and by its id (whatever else may have been cached for it). A message
   * that names neither empties the cache: a broadcast is never ignored.
   */
  forgetRevoked(revoked: Partial<ApiKeyRevokedMessage>): void {
    const hash = typeof revoked.key_hash === 'string' ? revoked.key_hash : undefined;
    const id = typeof revoked.api_key_id === 'string' ? revoked.api_key_id : undefined;
    if (!hash && !id) return this.forgetAll('a revocation without a key');
    this.forget(hash, id ? (principal) => principal.apiKeyId === id : undefined);
  }

  protected onBroadcast(message: unknown): void {
    this.forgetRevoked(typeof message === 'object' && message !== null ? (message as Partial<ApiKeyRevokedMessage>) : {});
  }
}
