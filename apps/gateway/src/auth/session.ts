import { Rpc, type UserTokenClaims } from '@airtime/contracts';
import { PlatformError, type RpcClient } from '@airtime/platform';
import type { Principal } from './principal.js';

/**
 * A verified token is only as good as the session behind it: identity refuses one issued before the
 * user's last PIN change and re-reads operator rights. One NATS round trip on an indexed row; requests
 * go through SessionVerifier, which remembers a non-operator session's answer until identity
 * broadcasts a PIN change (or SESSION_CACHE_SECONDS pass), and asks about operator tokens every time,
 * so a removed operator loses the rights at once.
 */
export async function confirmSession(rpc: RpcClient, claims: UserTokenClaims): Promise<Principal> {
  if (typeof claims.pv !== 'number') throw new PlatformError('UNAUTHENTICATED', 'Session has ended: log in again');
  try {
    const session = await rpc.request(Rpc.identity.verifySession, {
      user_id: claims.sub,
      account_id: claims.acc,
      pin_version: claims.pv,
      operator: claims.op === true,
    });
    return { kind: 'user', userId: claims.sub, accountId: claims.acc, operator: session.operator };
  } catch (error) {
    // Claims that do not even validate (a token we signed never has them) are a dead session too.
    if (error instanceof PlatformError && error.code === 'VALIDATION_FAILED') throw new PlatformError('UNAUTHENTICATED', 'Session has ended: log in again');
    throw error;
  }
}
