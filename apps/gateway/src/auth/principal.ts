import type { ApiKeyMode } from '@airtime/contracts';

/** Who a request speaks for: a logged-in user (JWT) or a business's integration (API key). */
export type Principal =
  | { kind: 'user'; userId: string; accountId: string; operator: boolean }
  | { kind: 'api-key'; apiKeyId: string; accountId: string; mode: ApiKeyMode };
