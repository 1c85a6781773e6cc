import type { ApiKeyMode } from '@airtime/contracts';

/** Who a request speaks for: a logged-in user (JWT) or a business's integration (API key). */
export type Principal =
  | { kind: 'user'; userId: string; accountId: string; operator: boolean }
  | { kind: 'api-key'; apiKeyId: string; accountId: string; mode: ApiKeyMode };

/** How an operator's change records who made it (`user:<id>`), beside the change. */
export function actorOf(principal: Principal): string {
  return principal.kind === 'user' ? `user:${principal.userId}` : 'unknown';
}
