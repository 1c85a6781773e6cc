import type { CountryCode } from './country-code.js';
import { MOBILE_NETWORK_PREFIXES } from './mobile-network-prefixes.js';
import type { NetworkId } from './network-id.js';
import { parsePhone } from './parse-phone.js';

export interface DetectedNetwork {
  readonly country: CountryCode;
  readonly network: NetworkId;
  /** The normalised number, international digits without '+'. */
  readonly msisdn: string;
}

/**
 * The mobile network a number was issued by, from its prefix; null when the number is invalid or its
 * range belongs to no network we know (landlines, MVNOs, unassigned blocks). With number portability
 * (Kenya, Nigeria) this is the issuing network, so treat it as a routing hint that a provider may
 * correct, not as proof.
 */
export function detectNetwork(input: string, defaultCountry: CountryCode = 'ZW'): DetectedNetwork | null {
  const parsed = parsePhone(input, defaultCountry);
  if (!parsed) return null;

  // Longest prefix wins, so a narrow block (Nigeria's 07025) is never shadowed by a broader one.
  let best: { network: NetworkId; length: number } | null = null;
  for (const { network, prefixes } of MOBILE_NETWORK_PREFIXES[parsed.country]) {
    for (const prefix of prefixes) {
      if (parsed.nationalNumber.startsWith(prefix) && prefix.length > (best?.length ?? 0)) {
        best = { network, length: prefix.length };
      }
    }
  }
  return best && { country: parsed.country, network: best.network, msisdn: parsed.msisdn };
}
