import { registerEnumType } from '@nestjs/graphql';
import type { ApiKeyMode } from '@airtime/contracts';
import { PlatformError } from '@airtime/platform';
import type { Principal } from '../auth/principal.js';

export enum ModeEnum {
  live = 'live',
  test = 'test',
}
registerEnumType(ModeEnum, { name: 'Mode', description: 'live spends real money; test routes to the simulators' });

/**
 * The money a graph field reads: an API key's own mode (asking for the other one is refused, never
 * silently answered from the key's), or for a logged-in user live unless the sandbox is asked for.
 */
export function graphMode(principal: Principal, requested?: ModeEnum | null): ApiKeyMode {
  if (principal.kind === 'api-key') {
    if (requested && requested !== principal.mode) throw new PlatformError('FORBIDDEN', `A ${principal.mode} API key sees only ${principal.mode} data`);
    return principal.mode;
  }
  return requested ?? 'live';
}

/** Whether the caller may see an object of this mode at all (a user sees both; a key only its own). */
export function canSeeMode(principal: Principal, mode: string): boolean {
  return principal.kind === 'user' || principal.mode === mode;
}
