import type { UpstreamId } from '../dispatch/upstream-id.js';

/**
 * One upstream an order was sent to, and what it said. An order has one attempt per upstream it was
 * sent to: a second only after the first had certainly not delivered (routing with failover), so at
 * most the last attempt can have delivered.
 */
export interface OrderAttemptView {
  upstream: UpstreamId;
  /** pending while the upstream has not answered; unknown when its answer may or may not mean delivery. */
  status: 'pending' | 'success' | 'failed' | 'unknown';
  /** The platform's code for a failure (INSUFFICIENT_UPSTREAM_BALANCE, UPSTREAM_UNAVAILABLE, …). */
  error_code: string | null;
  /** The upstream's own code or status word (eStoreSMS's P009, Africa's Talking's InsufficientBalance). */
  upstream_code: string | null;
  message: string | null;
  provider_ref: string | null;
  started_at: string;
  finished_at: string | null;
}
