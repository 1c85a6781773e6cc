import type { DispatchOutcome } from '@airtime/contracts';
import { outcome } from '../../outcomes.js';
import type { HttpAnswer } from '../../upstream-http.js';

interface TutiBody {
  result?: string;
  transaction_id?: unknown;
  status?: string;
  message?: string;
  code?: string;
}

/**
 * Seed 004's answers as outcomes. A queued transaction is pending (Tuti calls back or answers an
 * inquiry later); `successful` is success; `failed`, 400, 403 `declined` and 502 `gateway_error`
 * (the document's own examples: wrong number, wrong amount, disabled SIM — declines by the network,
 * each with Tuti's body) are failures. A 5xx without that body, a timeout or an unreadable answer is
 * unknown: Tuti may have queued it.
 */
export function tutiOutcome(reference: string, answer: HttpAnswer): DispatchOutcome {
  if (answer.kind === 'timeout') return outcome.unknown(reference, 'Tuti did not answer in time');
  if (answer.kind === 'unreachable') return outcome.unknown(reference, `Tuti unreachable: ${answer.message}`);
  const body = answer.json as TutiBody | undefined;
  if (!body || typeof body !== 'object' || typeof body.result !== 'string') {
    return outcome.unknown(reference, `Tuti answered ${answer.status} with a body that is not its documented shape`, null, 'UNREADABLE');
  }
  const providerRef = body.transaction_id === undefined ? null : String(body.transaction_id);
  const code = body.code ?? null;
  const message = body.message ?? `Tuti answered ${answer.status}`;
  if (answer.status === 200 && body.result === 'ok' && body.status === 'successful') return outcome.success(reference, providerRef, { message });
  if (answer.status === 200 && body.result === 'ok' && body.status === 'pending') return outcome.pending(reference, providerRef, 'Queued at Tuti');
  if (answer.status === 200 && body.status === 'failed') return outcome.failed(reference, errorCodeOf(code), code, message, providerRef);
  if (answer.status === 400) return outcome.failed(reference, errorCodeOf(code), code, message, providerRef);
  if (answer.status === 401) return outcome.failed(reference, 'UPSTREAM_UNAVAILABLE', code, 'Tuti refused our API key; nothing was sent');
  if (answer.status === 403 && body.status === 'declined') return outcome.failed(reference, 'INSUFFICIENT_UPSTREAM_BALANCE', code, message, providerRef);
  if (answer.status === 502 && body.status === 'gateway_error') return outcome.failed(reference, errorCodeOf(code), code, message, providerRef);
  return outcome.unknown(reference, message, providerRef, code);
}

function errorCodeOf(code: string | null): string {
  if (code === 'invalid_phone_number') return 'INVALID_TARGET';
  if (code === 'insufficient_funds') return 'INSUFFICIENT_UPSTREAM_BALANCE';
  if (code === 'maximum_amount_exceeded' || code === 'invalid_amount') return 'AMOUNT_OUT_OF_RANGE';
  return 'UPSTREAM_REJECTED';
}
