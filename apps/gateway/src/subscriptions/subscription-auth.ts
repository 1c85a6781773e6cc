import jwt from 'jsonwebtoken';
import { type ApiKeyPrincipal, Subjects, USER_TOKEN_ALGORITHM, USER_TOKEN_AUDIENCE, USER_TOKEN_ISSUER, type UserTokenClaims } from '@airtime/contracts';
import type { RpcClient } from '@airtime/platform';
import type { Principal } from '../auth/principal.js';

/**
 * Who a graphql-ws connection speaks for, from its connectionParams' `Authorization` (the same two
 * schemes as HTTP: `Api-Key atk_…` or `Bearer <jwt>`, verified the same way). Undefined refuses it.
 */
export async function principalOfConnection(
  params: Record<string, unknown> | undefined,
  rpc: RpcClient,
  jwtSecret: string,
): Promise<Principal | undefined> {
  const header = String(params?.['Authorization'] ?? params?.['authorization'] ?? '');
  const apiKey = /^Api-Key\s+(\S+)$/i.exec(header)?.[1];
  if (apiKey) {
    try {
      const found = await rpc.request<ApiKeyPrincipal>(Subjects.identity.verifyApiKey, { key: apiKey });
      return { kind: 'api-key', apiKeyId: found.api_key_id, accountId: found.account_id, mode: found.mode };
    } catch {
      return undefined;
    }
  }
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!token) return undefined;
  try {
    const claims = jwt.verify(token, jwtSecret, { algorithms: [USER_TOKEN_ALGORITHM], issuer: USER_TOKEN_ISSUER, audience: USER_TOKEN_AUDIENCE }) as UserTokenClaims;
    return { kind: 'user', userId: claims.sub, accountId: claims.acc, operator: claims.op === true };
  } catch {
    return undefined;
  }
}
