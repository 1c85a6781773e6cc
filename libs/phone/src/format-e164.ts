// E.164 caps numbers at 15 digits and no country code starts with 0.
const MSISDN = /^[1-9]\d{1,14}$/;

/**
 * '+263775265552' from '263775265552'. It expects an already normalised MSISDN and throws on anything
 * else, because silently prefixing '+' to a local or malformed number would produce a plausible-looking
 * but wrong E.164 number.
 */
export function formatE164(msisdn: string): string {
  if (typeof msisdn !== 'string' || !MSISDN.test(msisdn)) {
    throw new RangeError(`Not a normalised MSISDN (international digits without '+'): ${JSON.stringify(msisdn)}`);
  }
  return `+${msisdn}`;
}
