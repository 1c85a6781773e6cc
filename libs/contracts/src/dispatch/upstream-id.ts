/** The upstream providers recharges are routed to (seeds 000, 002, 003, 004, and ZESA for tokens). */
export const UPSTREAM_IDS = ['omega', 'africastalking', 'estoresms', 'tuti', 'zesa'] as const;

export type UpstreamId = (typeof UPSTREAM_IDS)[number];

export function isUpstreamId(value: string): value is UpstreamId {
  return (UPSTREAM_IDS as readonly string[]).includes(value);
}
