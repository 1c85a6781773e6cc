import type { UserTokenClaims } from '@airtime/contracts';
import { PlatformError } from '@airtime/platform';
import type { ApiKeyVerifier } from '../auth/api-key-verifier.js';
import type { Principal } from '../auth/principal.js';
import type { SessionVerifier } from '../auth/session-verifier.js';
import { verifyUserToken } from '../auth/user-token.js';

/** A connection's credentials as verified: who it speaks for, and until when (a token's expiry). */
export interface ConnectionGrant {
  principal: Principal;
  expiresAtMs?: number;
}

/** The credentials were looked at and refused (as opposed to identity not answering now). */
export class ConnectionRefused extends Error {}

/**
 * Who a graphql-ws connection speaks for, from its connectionParams' `Authorization` (the same two
 * schemes as HTTP: `Api-Key atk_…` or `Bearer <jwt>`, verified the same way, keys and sessions
 * through the same caches as HTTP requests, which a revocation or a PIN change empties at once). Throws ConnectionRefused
 * for bad credentials, anything else when identity cannot answer.
 */
export async function grantOfConnection(
  params: Record<string, unknown> | undefined,
  jwtSecret: string,
  apiKeys: Pick<ApiKeyVerifier, 'verify'>,
  sessions: Pick<SessionVerifier, 'confirm'>,
): Promise<ConnectionGrant> {
  const header = String(params?.['Authorization'] ?? params?.['authorization'] ?? '');
  const apiKey = /^Api-Key\s+(\S+)$/i.exec(header)?.[1];
  if (apiKey) return { principal: await apiKeys.verify(apiKey).catch(refusedWhenDenied) };
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!token) throw new ConnectionRefused('no credentials');
  let claims: UserTokenClaims & { exp?: number };
  try {
    claims = verifyUserToken(token, jwtSecret);
  } catch {
    throw new ConnectionRefused('invalid token');
  }
  const principal = await sessions.confirm(claims).catch(refusedWhenDenied);
  return { principal, ...(claims.exp ? { expiresAtMs: claims.exp * 1000 } : {}) };
}

function refusedWhenDenied(error: unknown): never {
  if (error instanceof PlatformError && ['UNAUTHENTICATED', 'VALIDATION_FAILED', 'FORBIDDEN'].includes(error.code)) throw new ConnectionRefused(error.message);
  throw error;
}

/** What a watched connection needs of its socket: closing it with a code, and hearing that it closed. */
export interface ClosableSocket {
  close(code: number, reason: string): void;
  once(event: 'close', listener: () => void): unknown;
}

/**
 * Keeps a connection honest after it opened: closed with 4401 when its token expires, and with 4403
 * when a periodic re-check finds its key revoked or its session ended (a new PIN, a removed user). A
 * re-check that gets no answer from identity leaves the connection open until the next one.
 */
export function watchConnection(
  socket: ClosableSocket,
  grant: ConnectionGrant,
  recheck: () => Promise<ConnectionGrant>,
  recheckSeconds: number,
): void {
  const timers: NodeJS.Timeout[] = [];
  const stop = () => timers.forEach((t) => clearTimeout(t));
  const close = (code: number, reason: string) => {
    stop();
    socket.close(code, reason);
  };
  if (grant.expiresAtMs !== undefined) {
    // setTimeout's ceiling is ~24.8 days; tokens live far less (JWT_TTL_SECONDS ≤ 1 day).
    timers.push(setTimeout(() => close(4401, 'Token expired'), Math.max(0, grant.expiresAtMs - Date.now())));
  }
  const interval = setInterval(() => {
    recheck().then(
      () => undefined,
      (error: unknown) => {
        if (error instanceof ConnectionRefused) close(4403, 'Credentials revoked');
      },
    );
  }, recheckSeconds * 1000);
  timers.push(interval);
  socket.once('close', stop);
}
