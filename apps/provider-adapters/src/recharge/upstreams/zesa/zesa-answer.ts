import type { DispatchOutcome } from '@airtime/contracts';
import { outcome } from '../../outcomes.js';
import type { HttpAnswer } from '../../upstream-http.js';

interface Sale {
  reference?: unknown;
  receipt_number?: unknown;
  token?: unknown;
  token_formatted?: unknown;
  customer_name?: unknown;
}

/**
 * What a token purchase (or the look-up of one) answered, as an outcome. A sale is success only with
 * a 20-digit token for our reference; a timeout, a 5xx or an answer we cannot read is unknown (the
 * token may have been sold); 404 on a look-up means nothing was sold under the reference.
 */
export function zesaOutcome(reference: string, answer: HttpAnswer, on: 'purchase' | 'lookup'): DispatchOutcome {
  if (answer.kind === 'timeout') return outcome.unknown(reference, 'ZESA did not answer in time');
  if (answer.kind === 'unreachable') return outcome.unknown(reference, `ZESA unreachable: ${answer.message}`);
  const { status } = answer;
  const body = (answer.json ?? {}) as Sale & { error?: { code?: string; message?: string }; status?: string };
  if (status === 200) {
    const token = typeof body.token === 'string' ? body.token : '';
    if (!/^\d{20}$/.test(token) || body.reference !== reference) return outcome.unknown(reference, 'ZESA answered 200 without a token for this reference', null, 'UNREADABLE');
    return outcome.success(reference, String(body.receipt_number ?? ''), {
      token: typeof body.token_formatted === 'string' ? body.token_formatted : token,
      customer_name: typeof body.customer_name === 'string' ? body.customer_name : null,
    });
  }
  if (status === 202) return outcome.pending(reference, null, 'ZESA is still vending the token');
  const code = body.error?.code ?? String(status);
  const message = body.error?.message ?? `ZESA answered ${status}`;
  if (status === 404) {
    return on === 'lookup'
      ? outcome.failed(reference, 'NOT_DELIVERED', code, 'ZESA sold no token under this reference')
      : outcome.failed(reference, 'INVALID_TARGET', code, message);
  }
  if (status === 402) return outcome.failed(reference, 'INSUFFICIENT_UPSTREAM_BALANCE', code, message);
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) return outcome.failed(reference, 'UPSTREAM_REJECTED', code, message);
  return outcome.unknown(reference, message, null, code);
}
