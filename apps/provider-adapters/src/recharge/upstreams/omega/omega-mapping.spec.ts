import { readFileSync } from 'node:fs';
import type { HttpAnswer } from '../../upstream-http.js';
import { OMEGA_RECHARGE_ANSWERS, type OmegaPhase, readLoginAnswer, readRechargeAnswer, REAUTHENTICATE, unauthorizedAfterRelogin } from './omega-mapping.js';

/** 000's samples, saved verbatim beside this file. */
const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const json = (name: string): unknown => JSON.parse(fixture(name));
const answer = (status: number, body: unknown): HttpAnswer => ({ kind: 'answer', status, text: typeof body === 'string' ? body : JSON.stringify(body), json: typeof body === 'string' ? undefined : body });
/** The reference of 000's sample request, which its sample 200 echoes. */
const REF = (json('airtime-request.json') as { reference: string }).reference;

/** `200 - Success` lines of 000's "Common HTTP Status Codes". */
const DOCUMENTED_STATUSES = fixture('status-codes.txt')
  .split('\n')
  .map((line) => /•\s*(\d{3}) - /.exec(line)?.[1])
  .filter((code): code is string => code !== undefined);

describe("Omega's answers to a recharge, from 000's samples", () => {
  it('the table names every status 000 lists', () => {
    expect(DOCUMENTED_STATUSES).toEqual(['200', '400', '401', '422', '429', '500']);
    const table = OMEGA_RECHARGE_ANSWERS.map((row) => row.answer).join('\n');
    for (const status of DOCUMENTED_STATUSES.filter((s) => s !== '500')) expect(table).toContain(status);
    expect(table).toContain('5xx');
    expect(table).toContain('"Insufficient funds"');
    expect(table).toContain('"Wallet not found"');
  });

  const both: OmegaPhase[] = ['send', 'replay'];

  it.each([
    ['200 sample', 200, 'airtime-200.json', { status: 'success', provider_ref: 'txn-12345', message: 'successful airtime recharge' }],
    ['422 Insufficient Funds sample', 422, 'airtime-422-insufficient-funds.json', { status: 'failed', error_code: 'INSUFFICIENT_UPSTREAM_BALANCE', upstream_code: '422', message: 'Insufficient funds', provider_ref: null }],
    ['422 Wallet Not Found sample', 422, 'airtime-422-wallet-not-found.json', { status: 'failed', error_code: 'UPSTREAM_REJECTED', upstream_code: '422', message: 'Wallet not found' }],
    ['standard error format as a 422 business-logic error', 422, 'standard-error.json', { status: 'failed', error_code: 'UPSTREAM_REJECTED', upstream_code: '422', message: 'Error description' }],
    ['standard error format as a 400 validation error', 400, 'standard-error.json', { status: 'failed', error_code: 'UPSTREAM_REJECTED', upstream_code: '400', message: 'Error description' }],
    ['standard error format as a 500', 500, 'standard-error.json', { status: 'unknown', upstream_code: '500', provider_ref: null }],
  ])('%s: the same on a send and on a replay', (_name, status, file, expected) => {
    for (const phase of both) expect(readRechargeAnswer(REF, answer(status, json(file)), phase)).toEqual(expect.objectContaining({ reference: REF, ...expected }));
  });

  it('200 is success only in the documented shape and for our reference; otherwise unknown (it may have been delivered)', () => {
    const sample = json('airtime-200.json') as { data: Record<string, unknown> };
    const cases: unknown[] = [
      { ...sample, data: { ...sample.data, reference: 'someone-else' } },
      { ...sample, data: null },
      { status: 'success', message: 'successful airtime recharge' },
      { ...sample, status: 'error' },
      { ...sample, data: { ...sample.data, transaction_id: '' } },
      '<html>OK</html>',
    ];
    for (const body of cases) expect(readRechargeAnswer(REF, answer(200, body), 'send')).toMatchObject({ status: 'unknown', upstream_code: '200' });
  });

  it('400 validation errors name what was wrong: the phone (000: "Invalid Phone Number"), the amount, the currency', () => {
    const failed = (message: string) => readRechargeAnswer(REF, answer(400, { status: 'error', message, data: null }), 'send');
    expect(failed('Invalid phone number')).toMatchObject({ status: 'failed', error_code: 'INVALID_TARGET', upstream_code: '400', message: 'Invalid phone number' });
    expect(failed('amount must be an integer')).toMatchObject({ error_code: 'AMOUNT_OUT_OF_RANGE' });
    expect(failed('currency is not supported')).toMatchObject({ error_code: 'NOT_SUPPORTED' });
  });

  it('a refusal about a duplicate reference or a transaction in progress is unknown: the earlier request may have delivered', () => {
    for (const message of ['Duplicate reference', 'The reference has already been taken', 'Transaction in progress']) {
      for (const status of [400, 422]) {
        for (const phase of both) expect(readRechargeAnswer(REF, answer(status, { status: 'error', message, data: null }), phase)).toMatchObject({ status: 'unknown' });
      }
    }
  });

  it('429 is failed RATE_LIMITED on a send (refused before processing), unknown on a replay (says nothing of the original)', () => {
    const limited = answer(429, { status: 'error', message: 'Too Many Requests', data: null });
    expect(readRechargeAnswer(REF, limited, 'send')).toMatchObject({ status: 'failed', error_code: 'RATE_LIMITED', upstream_code: '429' });
    expect(readRechargeAnswer(REF, limited, 'replay')).toMatchObject({ status: 'unknown', upstream_code: '429' });
  });

  it('401 asks for a new login; a second 401 is failed on a send (nothing processed) and unknown on a replay', () => {
    expect(readRechargeAnswer(REF, answer(401, json('pin-authentication-401.json')), 'send')).toBe(REAUTHENTICATE);
    expect(unauthorizedAfterRelogin(REF, 'send')).toMatchObject({ status: 'failed', error_code: 'UPSTREAM_UNAVAILABLE', upstream_code: '401' });
    expect(unauthorizedAfterRelogin(REF, 'replay')).toMatchObject({ status: 'unknown', upstream_code: '401' });
  });

  it('timeouts, connection errors, 5xx and statuses 000 does not list are unknown, never failed', () => {
    const answers: HttpAnswer[] = [
      { kind: 'timeout' },
      { kind: 'unreachable', message: 'fetch failed: connect ECONNREFUSED' },
      answer(502, '<html>Bad Gateway</html>'),
      answer(503, { message: 'Service Unavailable' }),
      answer(403, { message: 'Forbidden' }),
      answer(404, { message: 'Not Found' }),
      answer(409, { message: 'Conflict' }),
    ];
    for (const a of answers) for (const phase of both) expect(readRechargeAnswer(REF, a, phase)).toMatchObject({ status: 'unknown' });
  });
});

describe("Omega's answers to PIN authentication, from 000's samples", () => {
  it('200: the token and its expires_at', () => {
    expect(readLoginAnswer(answer(200, json('pin-authentication-200.json')))).toEqual({
      ok: true,
      token: { token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...', expiresAt: Date.parse('2024-01-01T12:00:00Z') },
    });
  });

  it('200 without a readable expires_at: the token, to be used once', () => {
    const sample = json('pin-authentication-200.json') as { data: Record<string, unknown> };
    expect(readLoginAnswer(answer(200, { ...sample, data: { ...sample.data, expires_at: 'soon' } }))).toMatchObject({ ok: true, token: { expiresAt: null } });
  });

  it('401 "Invalid credentials", anything else and no answer: refused, with the status and words', () => {
    expect(readLoginAnswer(answer(401, json('pin-authentication-401.json')))).toEqual({ ok: false, upstreamCode: '401', message: expect.stringContaining('Invalid credentials') });
    expect(readLoginAnswer(answer(200, { status: 'success', data: {} }))).toMatchObject({ ok: false, upstreamCode: '200' });
    expect(readLoginAnswer({ kind: 'timeout' })).toMatchObject({ ok: false, upstreamCode: null });
  });
});
