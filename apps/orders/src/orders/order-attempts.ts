import type { DispatchOutcome, OrderAttemptView, UpstreamId } from '@airtime/contracts';

/**
 * The platform codes of a failure after which the order may go to the next upstream of its route:
 * the upstream has certainly not delivered and another may (its float with us ran out, it refused our
 * request or could not take it, its circuit is open). A failure about the order itself (a bad number)
 * would fail everywhere, and REVERSED comes after a delivery: neither moves on. `unknown` never does.
 */
export const FAILOVER_CODES: ReadonlySet<string> = new Set([
  'INSUFFICIENT_UPSTREAM_BALANCE',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_REJECTED',
  'UPSTREAM_NOT_CONFIGURED',
  'NOT_SUPPORTED',
  'AMOUNT_OUT_OF_RANGE',
  'DAILY_LIMIT_EXCEEDED',
]);

export function mayFailOver(outcome: DispatchOutcome): boolean {
  return outcome.status === 'failed' && FAILOVER_CODES.has(outcome.error_code ?? '');
}

export function startedAttempt(upstream: UpstreamId): OrderAttemptView {
  return { upstream, status: 'pending', error_code: null, upstream_code: null, message: null, provider_ref: null, started_at: new Date().toISOString(), finished_at: null };
}

/**
 * `attempts` with what `upstream` said applied to its attempt (the last one to it). An order placed
 * before attempts were recorded gets its one attempt now.
 */
export function settledAttempts(attempts: readonly OrderAttemptView[], upstream: UpstreamId, outcome: DispatchOutcome): OrderAttemptView[] {
  const next = [...attempts];
  let index = next.map((a) => a.upstream).lastIndexOf(upstream);
  if (index < 0) {
    next.push(startedAttempt(upstream));
    index = next.length - 1;
  }
  const before = next[index] as OrderAttemptView;
  next[index] = {
    ...before,
    status: outcome.status === 'unknown' ? 'unknown' : outcome.status,
    error_code: outcome.status === 'failed' ? outcome.error_code ?? 'UPSTREAM_FAILED' : null,
    upstream_code: outcome.upstream_code ?? before.upstream_code,
    message: outcome.message ?? before.message,
    provider_ref: outcome.provider_ref ?? before.provider_ref,
    finished_at: outcome.status === 'unknown' ? before.finished_at : new Date().toISOString(),
  };
  return next;
}
