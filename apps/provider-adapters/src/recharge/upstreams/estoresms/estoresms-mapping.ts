import type { DispatchOutcome } from '@airtime/contracts';
import { ESTORESMS_RESPONSE_CODES, type EstoresmsResponseCode, type EstoresmsStatus } from '@airtime/upstreams';
import { outcome } from '../../outcomes.js';
import type { HttpAnswer } from '../../upstream-http.js';

/** What one of eStoreSMS's codes or statuses means for an order. */
export type EstoresmsMeaning =
  | { status: 'success' }
  | { status: 'pending' }
  | { status: 'failed'; errorCode: string; message: string }
  | { status: 'unknown'; message: string };

/**
 * Every RESPONSE CODE of the document. A code is what the upstream decided about the request, and
 * every P-code is a refusal before any PIN exists, so each is a certain failure. `OK` needs its PIN
 * to be a success (see readGenerateAnswer); `FAIL` ("Not Successful") is api_query's "No record found".
 */
export const ESTORESMS_CODES: Readonly<Record<EstoresmsResponseCode, EstoresmsMeaning>> = {
  OK: { status: 'success' },
  FAIL: failed('UPSTREAM_REJECTED', 'FAIL'),
  P000: failed('UPSTREAM_REJECTED', 'P000'),
  P001: failed('UPSTREAM_REJECTED', 'P001'),
  P002: failed('NOT_SUPPORTED', 'P002'),
  P003: failed('INVALID_TARGET', 'P003'),
  P004: failed('UPSTREAM_REJECTED', 'P004'),
  P005: failed('UPSTREAM_REJECTED', 'P005'),
  P006: failed('AMOUNT_OUT_OF_RANGE', 'P006'),
  P007: failed('INVALID_TARGET', 'P007'),
  P008: failed('INVALID_TARGET', 'P008'),
  P009: failed('INSUFFICIENT_UPSTREAM_BALANCE', 'P009'),
  P010: failed('UPSTREAM_REJECTED', 'P010'),
  P011: failed('UPSTREAM_REJECTED', 'P011'),
  P012: failed('UPSTREAM_REJECTED', 'P012'),
  P013: failed('AMOUNT_OUT_OF_RANGE', 'P013'),
};

/** A refusal, in the document's own words for its code. */
function failed(errorCode: string, code: EstoresmsResponseCode): EstoresmsMeaning {
  return { status: 'failed', errorCode, message: ESTORESMS_RESPONSE_CODES[code] };
}

/**
 * Every transaction status of api_query (and of callbacks). A reversal takes back a PIN that was
 * issued: failed with REVERSED, which orders refunds even after a success.
 */
export const ESTORESMS_STATUSES: Readonly<Record<EstoresmsStatus, EstoresmsMeaning>> = {
  Approved: { status: 'success' },
  Pending: { status: 'pending' },
  'Awaiting Confirmation': { status: 'pending' },
  Failed: { status: 'failed', errorCode: 'UPSTREAM_REJECTED', message: 'Failed' },
  Cancelled: { status: 'failed', errorCode: 'UPSTREAM_REJECTED', message: 'Cancelled' },
  Reversed: { status: 'failed', errorCode: 'REVERSED', message: 'Reversed' },
};

export function meaningOfCode(code: string): EstoresmsMeaning {
  return Object.hasOwn(ESTORESMS_CODES, code)
    ? ESTORESMS_CODES[code as EstoresmsResponseCode]
    : { status: 'unknown', message: `eStoreSMS answered a code it does not document: ${code.slice(0, 40)}` };
}

export function meaningOfStatus(status: string): EstoresmsMeaning {
  return Object.hasOwn(ESTORESMS_STATUSES, status)
    ? ESTORESMS_STATUSES[status as EstoresmsStatus]
    : { status: 'unknown', message: `eStoreSMS reported a status it does not document: ${status.slice(0, 40)}` };
}

/** The PIN, its serial and dial string, when an answer or a record carries them. */
export interface EstoresmsVoucher {
  pin: string | null;
  serial: string | null;
  ussd: string | null;
}

/** A transaction status as an outcome for our reference (from api_query or a callback). */
export function outcomeOfStatus(reference: string, transactionId: string | null, status: string, voucher?: EstoresmsVoucher): DispatchOutcome {
  const meaning = meaningOfStatus(status);
  switch (meaning.status) {
    case 'success':
      return outcome.success(reference, transactionId, { pin: voucher?.pin ?? null, serial: voucher?.serial ?? null, ussd: voucher?.ussd ?? null, upstream_code: status });
    case 'pending':
      return outcome.pending(reference, transactionId, `eStoreSMS: ${status}`);
    case 'failed':
      return outcome.failed(reference, meaning.errorCode, status, `eStoreSMS: ${meaning.message}`, transactionId);
    case 'unknown':
      return outcome.unknown(reference, meaning.message, transactionId, status.slice(0, 40));
  }
}

/**
 * GENERATE AIRTIME PIN's answer. `OK` with its PIN is a success; `OK` without one (accepted, PIN not
 * issued yet) is pending, for api_query or the callback to settle. A code (SAMPLE RESPONSE 2, an array,
 * or the same object bare) maps through ESTORESMS_CODES. Timeouts, unreachable, 5xx, bodies that are
 * not JSON or not these shapes, codes it does not document and an answer for another ref are unknown:
 * the PIN may exist.
 */
export function readGenerateAnswer(reference: string, answer: HttpAnswer, timeoutMs: number): DispatchOutcome {
  const transport = transportProblem(answer, timeoutMs, 'GENERATE AIRTIME PIN');
  if (transport) return outcome.unknown(reference, transport);
  const json = (answer as Extract<HttpAnswer, { kind: 'answer' }>).json;
  const entry = Array.isArray(json) ? json[0] : json;
  if (!isObject(entry) || typeof entry['response'] !== 'string') {
    return outcome.unknown(reference, "eStoreSMS's answer is not a documented shape");
  }
  const code = entry['response'];
  if (code !== 'OK') return codeOutcome(reference, code, entry['message'], null);

  const transactionId = textOf(entry['transaction_id']);
  if (!transactionId) return outcome.unknown(reference, "eStoreSMS answered OK without a transaction_id", null, 'OK');
  const ref = textOf(entry['ref']);
  if (ref !== null && ref !== reference) return outcome.unknown(reference, `eStoreSMS answered OK for another ref (${ref.slice(0, 64)})`, transactionId, 'OK');
  const voucher = voucherOf(entry);
  if (!voucher.pin) return outcome.pending(reference, transactionId, 'eStoreSMS accepted the request; the PIN is not issued yet');
  return outcome.success(reference, transactionId, { ...voucher, upstream_code: 'OK' });
}

/**
 * QUERY TRANSACTION's answer, asked by our reference. SAMPLE RESPONSE 2 (records) maps the record's
 * status; SAMPLE RESPONSE 1 ("No record found") means eStoreSMS never took the request: failed, nothing
 * was issued. Anything else (an error code such as P001, a FAIL with other words, no record of ours,
 * the transport) concludes nothing.
 */
export function readQueryAnswer(reference: string, providerRef: string | null, answer: HttpAnswer, timeoutMs: number): DispatchOutcome {
  const transport = transportProblem(answer, timeoutMs, 'QUERY TRANSACTION');
  if (transport) return outcome.unknown(reference, transport, providerRef);
  const json = (answer as Extract<HttpAnswer, { kind: 'answer' }>).json;
  const entries = Array.isArray(json) ? json : [json];
  const first = entries[0];
  if (isObject(first) && typeof first['response'] === 'string' && first['status'] === undefined) {
    const code = first['response'];
    const message = textOf(first['message']) ?? '';
    if (code === 'FAIL' && /no record found/i.test(message)) {
      return outcome.failed(reference, 'UPSTREAM_REJECTED', 'FAIL', 'eStoreSMS: No record found (the request never reached it; nothing was issued)', providerRef);
    }
    return outcome.unknown(reference, `eStoreSMS did not answer the query: ${code}${message ? ` ${message.slice(0, 120)}` : ''}`, providerRef, code.slice(0, 40));
  }
  const records = entries.filter(isObject).filter((r) => typeof r['status'] === 'string');
  const ours = records.filter((r) => textOf(r['ref']) === reference || (providerRef !== null && textOf(r['transaction_id']) === providerRef));
  if (ours.length === 0) return outcome.unknown(reference, records.length ? 'eStoreSMS answered records of another reference' : "eStoreSMS's query answer is not a documented shape", providerRef);
  const record = pick(ours, providerRef);
  return outcomeOfStatus(reference, textOf(record['transaction_id']) ?? providerRef, record['status'] as string, voucherOf(record));
}

/**
 * The record that speaks for our transaction: the one with our transaction_id when we know it, else
 * the most advanced (a PIN issued beats one pending, which beats one that ended without a PIN).
 */
function pick(records: Record<string, unknown>[], providerRef: string | null): Record<string, unknown> {
  const exact = providerRef === null ? undefined : records.find((r) => textOf(r['transaction_id']) === providerRef);
  if (exact) return exact;
  const rank = (r: Record<string, unknown>) => ({ success: 0, pending: 1, unknown: 2, failed: 3 })[meaningOfStatus(r['status'] as string).status];
  return [...records].sort((a, b) => rank(a) - rank(b))[0] as Record<string, unknown>;
}

function codeOutcome(reference: string, code: string, said: unknown, providerRef: string | null): DispatchOutcome {
  const meaning = meaningOfCode(code);
  const message = textOf(said);
  if (meaning.status === 'failed') return outcome.failed(reference, meaning.errorCode, code, `eStoreSMS: ${message ?? meaning.message}`, providerRef);
  return outcome.unknown(reference, meaning.status === 'unknown' ? meaning.message : `eStoreSMS answered ${code}`, providerRef, code.slice(0, 40));
}

function transportProblem(answer: HttpAnswer, timeoutMs: number, operation: string): string | null {
  if (answer.kind === 'timeout') return `eStoreSMS did not answer ${operation} within ${timeoutMs} ms`;
  if (answer.kind === 'unreachable') return `eStoreSMS could not be reached for ${operation}: ${answer.message}`;
  if (answer.status >= 500) return `eStoreSMS answered ${operation} with HTTP ${answer.status}`;
  if (answer.json === undefined) return `eStoreSMS answered ${operation} with HTTP ${answer.status} and a body that is not JSON`;
  return null;
}

function voucherOf(entry: Record<string, unknown>): EstoresmsVoucher {
  return { pin: textOf(entry['pin']), serial: textOf(entry['serial']), ussd: textOf(entry['USSD']) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
