import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { allOf } from './all-of.js';

/**
 * The caller's own reference for an order (001's agent_reference, 000's reference): what makes a
 * retried order harmless, so it must read the same to every system it passes through. 1 to 100
 * printable ASCII characters, no spaces.
 */
export function IsAgentReference(): PropertyDecorator {
  return allOf(
    IsString(),
    MinLength(1),
    MaxLength(100),
    Matches(/^[\x21-\x7E]+$/, { message: '$property must be printable ASCII without spaces' }),
  );
}
