import { Injectable } from '@nestjs/common';
import { Broadcasts, type UserPinChangedMessage, type UserTokenClaims } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { GatewayConfig } from '../config/gateway.config.js';
import { BroadcastEvictedCache } from './broadcast-evicted-cache.js';
import type { Principal } from './principal.js';
import { confirmSession } from './session.js';

type UserPrincipal = Extract<Principal, { kind: 'user' }>;

/**
 * Whether a verified token's session still stands, remembered for SESSION_CACHE_SECONDS per user,
 * account and PIN version (see BroadcastEvictedCache). A session ends only by a PIN change, which
 * identity broadcasts (`identity.users.pin-changed`) once committed: every replica forgets the user's
 * sessions at once. Operator tokens are never cached: operator rights are re-read on every request.
 */
@Injectable()
export class SessionVerifier extends BroadcastEvictedCache<UserPrincipal> {
  constructor(
    private readonly rpc: RpcClient,
    config: GatewayConfig,
  ) {
    super({
      natsUrl: config.NATS_URL,
      name: 'session-cache',
      subject: Broadcasts.identity.userPinChanged.subject,
      ttlSeconds: config.SESSION_CACHE_SECONDS,
      maxEntries: config.SESSION_CACHE_MAX_SESSIONS,
    });
  }

  /** The session's principal; an ended session is thrown as confirmSession throws it. */
  confirm(claims: UserTokenClaims): Promise<Principal> {
    const ask = () => confirmSession(this.rpc, claims) as Promise<UserPrincipal>;
    if (claims.op === true || typeof claims.pv !== 'number') return ask();
    return this.lookup(`${claims.sub}:${claims.acc}:${claims.pv}`, ask);
  }

  protected onBroadcast(message: unknown): void {
    const userId = (message as Partial<UserPinChangedMessage> | undefined)?.user_id;
    if (typeof userId !== 'string') return this.forgetAll('a PIN change without a user');
    this.forget(undefined, (principal) => principal.userId === userId);
  }
}
