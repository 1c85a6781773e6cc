import type { DispatchOutcome } from '@airtime/contracts';
import { outcome } from '../../outcomes.js';
import type { HttpAnswer } from '../../upstream-http.js';

/**
 * Whether an answer is to our first request for a reference (`send`) or to a replay of it (`replay`,
 * how query() resolves an unknown: 000 has no query endpoint, but its references "are used for
 * idempotency", so the same request with the same reference is answered with the original
 * transaction and delivers nothing twice).
 */
export type OmegaPhase = 'send' | 'replay';

/** 401 on a recharge: the caller logs in again once and repeats the request (see OmegaAdapter). */
export const REAUTHENTICATE = Symbol('REAUTHENTICATE');

/**
 * Every answer 000 documents for POST /api/v1/recharges/airtime, and what it means for the order.
 * 000 has no result codes, only HTTP statuses and messages; `upstream_code` carries the HTTP status and
 * `message` Omega's own words.
 */
export const OMEGA_RECHARGE_ANSWERS = [
  { answer: '200 {status:"success", data:{transaction_id, reference (ours), phone}}', send: 'success (provider_ref = transaction_id)', replay: 'success (the original transaction)' },
  { answer: '200 any other body (no transaction_id, another reference, not JSON)', send: 'unknown', replay: 'unknown' },
  { answer: '400 validation error, message about the phone (000: "Invalid Phone Number")', send: 'failed INVALID_TARGET', replay: 'failed INVALID_TARGET' },
  { answer: '400 validation error, message about the amount', send: 'failed AMOUNT_OUT_OF_RANGE', replay: 'failed AMOUNT_OUT_OF_RANGE' },
  { answer: '400 validation error, message about the currency', send: 'failed NOT_SUPPORTED', replay: 'failed NOT_SUPPORTED' },
  { answer: '400 any other validation error', send: 'failed UPSTREAM_REJECTED', replay: 'failed UPSTREAM_REJECTED' },
  { answer: '401 (authentication required/invalid)', send: 'log in again once and repeat; a second 401 is failed UPSTREAM_UNAVAILABLE', replay: 'log in again once and repeat; a second 401 is unknown' },
  { answer: '422 "Insufficient funds" (our float at Omega)', send: 'failed INSUFFICIENT_UPSTREAM_BALANCE', replay: 'failed INSUFFICIENT_UPSTREAM_BALANCE' },
  { answer: '422 "Wallet not found" (our Omega account has no wallet in that currency)', send: 'failed UPSTREAM_REJECTED', replay: 'failed UPSTREAM_REJECTED' },
  { answer: '422 any other business-logic error', send: 'failed UPSTREAM_REJECTED', replay: 'failed UPSTREAM_REJECTED' },
  { answer: '400/422 naming a duplicate or a transaction in progress', send: 'unknown', replay: 'unknown' },
  { answer: '429 rate limited', send: 'failed RATE_LIMITED', replay: 'unknown' },
  { answer: '5xx, any other status, timeout, connection error', send: 'unknown', replay: 'unknown' },
] as const;

/** 422 messages 000 documents, to the platform's error codes. */
const FAILURE_MESSAGES: Record<string, string> = {
  'insufficient funds': 'INSUFFICIENT_UPSTREAM_BALANCE',
  // 000: "User doesn't have a wallet in the specified currency": our account's set-up, not the number
  // or the amount; nothing was delivered.
  'wallet not found': 'UPSTREAM_REJECTED',
  'invalid phone number': 'INVALID_TARGET',
};

/**
 * A refusal that may be about an earlier request with the same reference (a duplicate, or one still
 * being processed) says nothing about whether that one delivered, so it is never `failed`.
 */
const ABOUT_ANOTHER_REQUEST = /duplicate|already|in progress|being processed|still processing|exists|taken/i;

export function readRechargeAnswer(reference: string, answer: HttpAnswer, phase: OmegaPhase): DispatchOutcome | typeof REAUTHENTICATE {
  if (answer.kind === 'timeout') return outcome.unknown(reference, 'Omega did not answer in time; the recharge may have been delivered');
  if (answer.kind === 'unreachable') return outcome.unknown(reference, `Omega could not be reached: ${answer.message}`);
  const { status } = answer;
  const code = String(status);
  const words = messageOf(answer);

  if (status === 200) return readSuccess(reference, answer.json);
  if (status === 401) return REAUTHENTICATE;
  if (status === 400 || status === 422) {
    if (ABOUT_ANOTHER_REQUEST.test(words)) return outcome.unknown(reference, `Omega: ${words}`, null, code);
    return outcome.failed(reference, failureCodeOf(status, words), code, words || `Omega refused the recharge (HTTP ${status})`);
  }
  if (status === 429) {
    // 000 lists 429 among its status codes ("Too many requests in the rate limit window") and says the
    // limit "prevents abuse": the limiter turns a request away before it is processed, so our first
    // request for a reference was not acted on and nothing was delivered. A replay's 429, though, says
    // nothing about the original request, so it stays unknown.
    if (phase === 'send') return outcome.failed(reference, 'RATE_LIMITED', code, words || 'Too many requests to Omega; nothing was sent');
    return outcome.unknown(reference, `Omega rate-limited the replay: ${words || 'Too Many Requests'}`, null, code);
  }
  // 5xx, and statuses 000 does not document (403, 404, 409, 3xx…): the request may have been acted on.
  return outcome.unknown(reference, `Omega answered HTTP ${status}${words ? `: ${words}` : ''}`, null, code);
}

/** After the one re-login, a recharge still refused as unauthenticated. Nothing was processed. */
export function unauthorizedAfterRelogin(reference: string, phase: OmegaPhase): DispatchOutcome {
  if (phase === 'send') return outcome.failed(reference, 'UPSTREAM_UNAVAILABLE', '401', 'Omega refused our fresh token; nothing was sent');
  return outcome.unknown(reference, 'Omega refused our fresh token for the replay', null, '401');
}

function readSuccess(reference: string, json: unknown): DispatchOutcome {
  const body = isObject(json) ? json : undefined;
  const data = body && isObject(body['data']) ? body['data'] : undefined;
  const transactionId = data?.['transaction_id'];
  const ok =
    body?.['status'] === 'success' &&
    (typeof transactionId === 'string' ? transactionId.trim() !== '' : typeof transactionId === 'number') &&
    data?.['reference'] === reference;
  if (!ok) {
    const why = data && data['reference'] !== undefined && data['reference'] !== reference ? 'for another reference' : 'not in the documented shape';
    return outcome.unknown(reference, `Omega answered 200 ${why}; the recharge may have been delivered`, null, '200');
  }
  return outcome.success(reference, String(transactionId), { message: typeof body?.['message'] === 'string' ? body['message'] : null });
}

function failureCodeOf(status: number, words: string): string {
  const known = FAILURE_MESSAGES[words.trim().toLowerCase()];
  if (known) return known;
  if (status === 400) {
    if (/phone/i.test(words)) return 'INVALID_TARGET';
    if (/amount/i.test(words)) return 'AMOUNT_OUT_OF_RANGE';
    if (/currency/i.test(words)) return 'NOT_SUPPORTED';
  }
  return 'UPSTREAM_REJECTED';
}

/** A token from PIN authentication, and until when it may be used. */
export interface OmegaToken {
  token: string;
  /** Epoch milliseconds of expires_at; null when Omega gave none we can read (the token is then used once). */
  expiresAt: number | null;
}

export type LoginResult = { ok: true; token: OmegaToken } | { ok: false; upstreamCode: string | null; message: string };

/** POST /auth/pin-authentication's answer: 200 {status, message, data:{token, expires_at}} or 401 {message}. */
export function readLoginAnswer(answer: HttpAnswer): LoginResult {
  if (answer.kind === 'timeout') return { ok: false, upstreamCode: null, message: 'Omega did not answer the PIN authentication in time' };
  if (answer.kind === 'unreachable') return { ok: false, upstreamCode: null, message: `Omega could not be reached: ${answer.message}` };
  const body = isObject(answer.json) ? answer.json : undefined;
  const data = body && isObject(body['data']) ? body['data'] : undefined;
  const token = data?.['token'];
  if (answer.status === 200 && body?.['status'] === 'success' && typeof token === 'string' && token !== '') {
    const expiresAt = typeof data?.['expires_at'] === 'string' ? Date.parse(data['expires_at']) : NaN;
    return { ok: true, token: { token, expiresAt: Number.isFinite(expiresAt) ? expiresAt : null } };
  }
  const words = messageOf(answer);
  return { ok: false, upstreamCode: String(answer.status), message: `Omega refused the PIN authentication (HTTP ${answer.status})${words ? `: ${words}` : ''}` };
}

function messageOf(answer: Extract<HttpAnswer, { kind: 'answer' }>): string {
  const message = isObject(answer.json) ? answer.json['message'] : undefined;
  if (typeof message === 'string') return message.slice(0, 300);
  return answer.json === undefined ? answer.text.trim().slice(0, 200) : '';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
