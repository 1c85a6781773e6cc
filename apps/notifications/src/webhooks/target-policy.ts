import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import ipaddr, { type IPv6 } from 'ipaddr.js';

/** A host name's addresses; injected so tests can stand in for DNS (e.g. a name resolving to 127.0.0.1). */
export type Resolver = (hostname: string) => Promise<string[]>;

export const systemResolver: Resolver = async (hostname) => (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** `reason` is safe to show the tenant; `detail` (which address, which error) is for operators' logs only. */
export class TargetRefusedError extends Error {
  constructor(readonly reason: string, readonly detail: string) {
    super(reason);
    this.name = 'TargetRefusedError';
  }
}

// ::/96 holds the deprecated IPv4-compatible addresses (::127.0.0.1), which ipaddr.js calls unicast.
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/**
 * Whether an address is on the public internet: only ipaddr.js's 'unicast' range is. An IPv4-mapped
 * address (::ffff:127.0.0.1) is judged by its IPv4 meaning. 6to4, Teredo and NAT64 (rfc6052) embed an
 * IPv4 address a relay would reach for us, possibly a private one, so they are refused outright, as is
 * everything else (loopback, private, link-local, CGNAT, multicast, unspecified, unique-local, reserved,
 * broadcast).
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as IPv6;
    if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().range() === 'unicast';
    if (v6.match(IPV4_COMPATIBLE)) return false;
  }
  return parsed.range() === 'unicast';
}

/**
 * Where webhooks may go. A receiver's name is resolved and EVERY address checked, at registration and
 * again when connecting: `lookup` is what the delivery connection resolves through, so the socket goes
 * only to an address that passed (a name re-pointed at 127.0.0.1 after registration is refused then).
 * With `allowPrivate` (tests and development only) nothing is refused.
 */
export class TargetPolicy {
  constructor(
    private readonly allowPrivate: boolean,
    private readonly resolve: Resolver = systemResolver,
  ) {}

  /** The addresses a receiver URL may be reached at; throws TargetRefusedError otherwise. */
  async check(url: string): Promise<string[]> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new TargetRefusedError('url is not a valid URL', 'unparsable url');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new TargetRefusedError('url must be http or https', `protocol ${parsed.protocol}`);
    if (parsed.username || parsed.password) throw new TargetRefusedError('url must not carry credentials', 'credentials in url');
    if (this.allowPrivate) return [];
    return this.addressesOf(parsed.hostname.replace(/^\[|\]$/g, ''));
  }

  private async addressesOf(host: string): Promise<string[]> {
    const literal = ipaddr.isValid(host);
    if (this.allowPrivate) return literal ? [host] : this.resolve(host);
    let addresses: string[];
    try {
      addresses = literal ? [host] : await this.resolve(host);
    } catch (error) {
      throw new TargetRefusedError('url host could not be resolved', `${host}: ${(error as Error).message}`);
    }
    if (addresses.length === 0) throw new TargetRefusedError('url host could not be resolved', `${host}: no addresses`);
    const refused = addresses.filter((a) => !isPublicAddress(a));
    if (refused.length) throw new TargetRefusedError('url must be reachable on the public internet', `${host} resolves to ${refused.join(', ')}`);
    return addresses;
  }

  /** A net/tls `lookup` that answers only with checked addresses (TLS SNI and Host still name the host). */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    this.addressesOf(hostname).then(
      (addresses) => {
        const family = (a: string) => (ipaddr.parse(a).kind() === 'ipv6' ? 6 : 4);
        if (options.all) callback(null, addresses.map((address) => ({ address, family: family(address) })));
        else callback(null, addresses[0] as string, family(addresses[0] as string));
      },
      (error: Error) => callback(Object.assign(error, { code: 'ENOTFOUND' }) as NodeJS.ErrnoException, '', 0),
    );
  };
}
