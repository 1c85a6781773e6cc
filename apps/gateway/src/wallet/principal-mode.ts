import { API_KEY_MODES, type ApiKeyMode } from '@airtime/contracts';
import { PlatformError } from '@airtime/platform';
import type { Principal } from '../auth/principal.js';

/**
 * Which money a request touches: an API key's own mode (a test key can never reach live money), or
 * for a logged-in user the live wallets unless they ask for the sandbox.
 */
export function modeOf(principal: Principal, requested?: ApiKeyMode): ApiKeyMode {
  return principal.kind === 'api-key' ? principal.mode : (requested ?? 'live');
}

/** The GraphQL `mode` argument: free text in the schema, so that a wrong value gets our error shape. */
export const MODE_ARG = { type: () => String, nullable: true, description: 'live or test, for a logged-in user (default live); an API key always uses its own mode' } as const;

/** modeOf for a GraphQL `mode` argument, refused clearly when it is neither live nor test. */
export function modeOfArg(principal: Principal, mode?: string | null): ApiKeyMode {
  if (mode != null && !(API_KEY_MODES as readonly string[]).includes(mode)) {
    throw new PlatformError('VALIDATION_FAILED', 'Validation failed', { fields: { mode: ['mode must be live or test'] } });
  }
  return modeOf(principal, (mode ?? undefined) as ApiKeyMode | undefined);
}
