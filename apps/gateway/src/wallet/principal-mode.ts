import type { ApiKeyMode } from '@airtime/contracts';
import type { Principal } from '../auth/principal.js';

/**
 * Which money a request touches: an API key's own mode (a test key can never reach live money), or
 * for a logged-in user the live wallets unless they ask for the sandbox.
 */
export function modeOf(principal: Principal, requested?: ApiKeyMode): ApiKeyMode {
  return principal.kind === 'api-key' ? principal.mode : (requested ?? 'live');
}
