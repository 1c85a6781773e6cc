import ipaddr from 'ipaddr.js';
import type { Request } from 'express';

/**
 * The key a per-address limit counts under: express's `req.ip` (the socket's peer, or the client a
 * trusted proxy names when TRUST_PROXY says which proxies to believe). An IPv4-mapped IPv6 address
 * counts as its IPv4 address, and IPv6 by its /64: one subscriber commonly holds a whole /64.
 */
export function clientAddress(request: Pick<Request, 'ip'> | undefined): string {
  const raw = request?.ip ?? '';
  if (!ipaddr.isValid(raw)) return raw || 'unknown';
  const address = ipaddr.process(raw);
  if (address.kind() === 'ipv4') return address.toString();
  const parts = (address as ipaddr.IPv6).parts.slice(0, 4);
  return `${parts.map((p) => p.toString(16)).join(':')}::/64`;
}
