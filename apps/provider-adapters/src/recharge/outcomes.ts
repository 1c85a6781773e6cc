import type { DispatchOutcome } from '@airtime/contracts';

export const PENDING = 'PENDING';

/** Helpers that make each adapter's mapping read as a table. */
export const outcome = {
  success: (reference: string, providerRef: string | null, extra: Partial<DispatchOutcome> = {}): DispatchOutcome => ({
    reference,
    status: 'success',
    provider_ref: providerRef,
    ...extra,
  }),
  failed: (reference: string, errorCode: string, upstreamCode: string | null, message: string, providerRef: string | null = null): DispatchOutcome => ({
    reference,
    status: 'failed',
    provider_ref: providerRef,
    error_code: errorCode,
    upstream_code: upstreamCode,
    message,
  }),
  /**
   * Accepted but not finished (queued, sent to the network): unknown to orders, but the upstream is
   * healthy, so it does not count against the circuit breaker.
   */
  pending: (reference: string, providerRef: string | null, message: string): DispatchOutcome => ({
    reference,
    status: 'unknown',
    provider_ref: providerRef,
    upstream_code: PENDING,
    message,
  }),
  unknown: (reference: string, message: string, providerRef: string | null = null, upstreamCode: string | null = null): DispatchOutcome => ({
    reference,
    status: 'unknown',
    provider_ref: providerRef,
    upstream_code: upstreamCode,
    message,
  }),
};
