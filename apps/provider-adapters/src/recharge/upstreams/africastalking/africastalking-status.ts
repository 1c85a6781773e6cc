import type { DispatchOutcome } from '@airtime/contracts';
import { outcome } from '../../outcomes.js';

/** Seed 002's status values, each to what it means for an order. */
export const AFRICASTALKING_STATUSES: Record<string, { status: 'success' | 'failed' | 'pending'; errorCode?: string }> = {
  Success: { status: 'success' },
  Sent: { status: 'pending' },
  Queued: { status: 'pending' },
  Failed: { status: 'failed', errorCode: 'UPSTREAM_REJECTED' },
  InvalidRequest: { status: 'failed', errorCode: 'UPSTREAM_REJECTED' },
  NotSupported: { status: 'failed', errorCode: 'NOT_SUPPORTED' },
  InsufficientBalance: { status: 'failed', errorCode: 'INSUFFICIENT_UPSTREAM_BALANCE' },
  UserInInvalidState: { status: 'failed', errorCode: 'INVALID_TARGET' },
  UserNotFound: { status: 'failed', errorCode: 'INVALID_TARGET' },
};

/** One recipient's status as an outcome; a status the document does not list is unknown. */
export function africasTalkingOutcome(reference: string, status: string, requestId: string | null, words: string): DispatchOutcome {
  const meaning = AFRICASTALKING_STATUSES[status];
  if (!meaning) return outcome.unknown(reference, `Africa's Talking status ${status}`, requestId, status);
  if (meaning.status === 'success') return outcome.success(reference, requestId, { upstream_code: status, message: words });
  if (meaning.status === 'pending') return outcome.pending(reference, requestId, `Africa's Talking: ${status}`);
  return outcome.failed(reference, meaning.errorCode as string, status, words, requestId);
}
