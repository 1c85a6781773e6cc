import type { ApiKeyMode, RouteEntryView, UpstreamId } from '@airtime/contracts';

/** `upstream:mode` pairs no new order may be sent to. */
export type DrainedSet = ReadonlySet<`${UpstreamId}:${ApiKeyMode}`>;

/**
 * The order in which a route's upstreams are tried for an order in `mode`: drained ones, ones
 * already tried for this order and (for test orders) ones not open to test mode left out; then by
 * priority, cheapest first within a priority, and entries of equal priority and cost shuffled by
 * weight (so a weight-3 entry comes first three times as often as a weight-1 one).
 */
export function rankRoute(
  entries: readonly RouteEntryView[],
  options: { mode: ApiKeyMode; drained: DrainedSet; attempted?: ReadonlySet<UpstreamId>; random?: () => number },
): UpstreamId[] {
  const random = options.random ?? Math.random;
  const eligible = entries.filter((e) =>
    !options.drained.has(`${e.upstream}:${options.mode}`) && !options.attempted?.has(e.upstream) && (options.mode === 'live' || e.test_mode));
  // Efraimidis–Spirakis: a key of u^(1/w) sorted descending is a weighted random order.
  const keyed = eligible.map((entry) => ({ entry, key: Math.pow(random(), 1 / Math.max(1, entry.weight)) }));
  keyed.sort((a, b) =>
    a.entry.priority - b.entry.priority
    || (a.entry.cost_bps ?? Number.MAX_SAFE_INTEGER) - (b.entry.cost_bps ?? Number.MAX_SAFE_INTEGER)
    || b.key - a.key);
  return keyed.map((k) => k.entry.upstream);
}
