/**
 * Exponential backoff with full jitter: attempt n waits a random time up to base·2^(n-1), capped, so
 * that many deliveries failing together do not all retry at the same instant.
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(baseMs / 2, Math.round(ceiling * random()));
}
