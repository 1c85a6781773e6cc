import { readFileSync } from 'node:fs';
import type { HttpAnswer } from '../../upstream-http.js';
import { ESTORESMS_CODES, ESTORESMS_STATUSES, outcomeOfStatus, readGenerateAnswer, readQueryAnswer } from './estoresms-mapping.js';

/** The document's samples, saved verbatim beside this file. */
const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const json = (name: string): unknown => JSON.parse(fixture(name));
const answer = (body: unknown, status = 200): HttpAnswer => ({ kind: 'answer', status, text: JSON.stringify(body), json: body });
const TIMEOUT_MS = 1000;

/** `P009 => Insufficient Balance` lines of the document's RESPONSE CODES. */
const DOCUMENTED_CODES = fixture('response-codes.txt')
  .split('\n')
  .filter((line) => line.includes('=>'))
  .map((line) => line.split('=>').map((part) => part.trim()) as [string, string]);
const DOCUMENTED_STATUSES = fixture('query-statuses.txt')
  .replace('Status can be ', '')
  .trim()
  .split(/, | or /);

describe("eStoreSMS's codes and statuses", () => {
  it('cover every code and status the document lists, in its words, and nothing else', () => {
    expect(DOCUMENTED_CODES).toHaveLength(16);
    expect(Object.keys(ESTORESMS_CODES).sort()).toEqual(DOCUMENTED_CODES.map(([code]) => code).sort());
    for (const [code, words] of DOCUMENTED_CODES) {
      const meaning = ESTORESMS_CODES[code as keyof typeof ESTORESMS_CODES];
      if (meaning?.status === 'failed') expect(meaning.message).toBe(words);
    }
    expect(DOCUMENTED_STATUSES).toEqual(['Approved', 'Pending', 'Failed', 'Awaiting Confirmation', 'Cancelled', 'Reversed']);
    expect(Object.keys(ESTORESMS_STATUSES).sort()).toEqual([...DOCUMENTED_STATUSES].sort());
  });

  it('map the generate sample (SAMPLE RESPONSE 1) to a success carrying the PIN, serial and dial string', () => {
    expect(readGenerateAnswer('myRef', answer(json('generate-response-ok.json')), TIMEOUT_MS)).toEqual({
      reference: 'myRef',
      status: 'success',
      provider_ref: 'api_5d2597bc3c287',
      pin: '7069933456200',
      serial: '375919',
      ussd: '*258*7069933456200#',
      upstream_code: 'OK',
    });
  });

  it('map the error sample (SAMPLE RESPONSE 2, an array) to a failure', () => {
    expect(readGenerateAnswer('myRef', answer(json('generate-response-error.json')), TIMEOUT_MS)).toEqual({
      reference: 'myRef',
      status: 'failed',
      provider_ref: null,
      error_code: 'INSUFFICIENT_UPSTREAM_BALANCE',
      upstream_code: 'P009',
      message: 'eStoreSMS: Insufficient Balance',
    });
  });

  it.each<[string, string]>([
    ['FAIL', 'UPSTREAM_REJECTED'],
    ['P000', 'UPSTREAM_REJECTED'],
    ['P001', 'UPSTREAM_REJECTED'],
    ['P002', 'NOT_SUPPORTED'],
    ['P003', 'INVALID_TARGET'],
    ['P004', 'UPSTREAM_REJECTED'],
    ['P005', 'UPSTREAM_REJECTED'],
    ['P006', 'AMOUNT_OUT_OF_RANGE'],
    ['P007', 'INVALID_TARGET'],
    ['P008', 'INVALID_TARGET'],
    ['P009', 'INSUFFICIENT_UPSTREAM_BALANCE'],
    ['P010', 'UPSTREAM_REJECTED'],
    ['P011', 'UPSTREAM_REJECTED'],
    ['P012', 'UPSTREAM_REJECTED'],
    ['P013', 'AMOUNT_OUT_OF_RANGE'],
  ])('fail a send answered %s with %s, keeping the code and the words', (code, errorCode) => {
    const words = DOCUMENTED_CODES.find(([c]) => c === code)?.[1] as string;
    for (const body of [[{ response: code, message: words }], { response: code, message: words }]) {
      expect(readGenerateAnswer('R1', answer(body), TIMEOUT_MS)).toEqual({
        reference: 'R1',
        status: 'failed',
        provider_ref: null,
        error_code: errorCode,
        upstream_code: code,
        message: `eStoreSMS: ${words}`,
      });
    }
  });

  it('take OK without a PIN as accepted and pending', () => {
    const pending = { ...(json('generate-response-ok.json') as object), pin: '', serial: '', USSD: '' };
    expect(readGenerateAnswer('myRef', answer(pending), TIMEOUT_MS)).toEqual({
      reference: 'myRef',
      status: 'unknown',
      provider_ref: 'api_5d2597bc3c287',
      upstream_code: 'PENDING',
      message: expect.any(String),
    });
  });

  it.each<[string, HttpAnswer]>([
    ['a timeout', { kind: 'timeout' }],
    ['a refused connection', { kind: 'unreachable', message: 'connect ECONNREFUSED' }],
    ['HTTP 500 with a JSON code', answer([{ response: 'P011', message: 'Process Failed' }], 500)],
    ['HTTP 502 with HTML', { kind: 'answer', status: 502, text: '<html>Bad gateway</html>', json: undefined }],
    ['HTTP 200 with HTML', { kind: 'answer', status: 200, text: '<html>processing</html>', json: undefined }],
    ['HTTP 400 with text', { kind: 'answer', status: 400, text: 'Bad Request', json: undefined }],
    ['an empty object', answer({})],
    ['an empty array', answer([])],
    ['a number', answer(42)],
    ['a code it does not document', answer([{ response: 'P099', message: 'Something new' }])],
    ['OK without a transaction_id', answer({ response: 'OK', ref: 'myRef', pin: '7069933456200' })],
    ['OK for another ref', answer(json('generate-response-ok.json'))],
  ])('leave a send answered with %s unknown (the PIN may exist)', (_, reply) => {
    const result = readGenerateAnswer('MyRef001', reply, TIMEOUT_MS);
    expect(result.status).toBe('unknown');
    expect(result.upstream_code).not.toBe('PENDING');
  });

  it('map the query samples: SAMPLE RESPONSE 1 is a failure (never received), SAMPLE RESPONSE 2 the record of ours', () => {
    expect(readQueryAnswer('myRef', null, answer(json('query-response-not-found.json')), TIMEOUT_MS)).toMatchObject({
      reference: 'myRef',
      status: 'failed',
      error_code: 'UPSTREAM_REJECTED',
      upstream_code: 'FAIL',
    });
    expect(readQueryAnswer('myRef', null, answer(json('query-response-records.json')), TIMEOUT_MS)).toEqual({
      reference: 'myRef',
      status: 'success',
      provider_ref: 'api_5ab5261b9b029',
      pin: null,
      serial: null,
      ussd: null,
      upstream_code: 'Approved',
    });
    expect(readQueryAnswer('myRef', 'api_5ab2cf5a69f63', answer(json('query-response-records.json')), TIMEOUT_MS)).toMatchObject({
      status: 'success',
      provider_ref: 'api_5ab2cf5a69f63',
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ['Approved', { status: 'success', upstream_code: 'Approved' }],
    ['Pending', { status: 'unknown', upstream_code: 'PENDING' }],
    ['Awaiting Confirmation', { status: 'unknown', upstream_code: 'PENDING' }],
    ['Failed', { status: 'failed', error_code: 'UPSTREAM_REJECTED', upstream_code: 'Failed' }],
    ['Cancelled', { status: 'failed', error_code: 'UPSTREAM_REJECTED', upstream_code: 'Cancelled' }],
    ['Reversed', { status: 'failed', error_code: 'REVERSED', upstream_code: 'Reversed' }],
    ['Processing', { status: 'unknown', upstream_code: 'Processing' }],
  ])('read a query record %s', (status, expected) => {
    const [record] = json('query-response-records.json') as Record<string, unknown>[];
    const result = readQueryAnswer('myRef', null, answer([{ ...record, status }]), TIMEOUT_MS);
    expect(result).toMatchObject({ reference: 'myRef', provider_ref: 'api_5ab5261b9b029', ...expected });
  });

  it('prefer an issued PIN among several records of our ref, and ignore records of other refs', () => {
    const [record] = json('query-response-records.json') as Record<string, unknown>[];
    const records = [
      { ...record, transaction_id: 'api_a', status: 'Failed' },
      { ...record, transaction_id: 'api_b', status: 'Approved', ref: 'otherRef' },
      { ...record, transaction_id: 'api_c', status: 'Pending' },
    ];
    expect(readQueryAnswer('myRef', null, answer(records), TIMEOUT_MS)).toMatchObject({ status: 'unknown', provider_ref: 'api_c', upstream_code: 'PENDING' });
    expect(readQueryAnswer('otherRef2', null, answer(records), TIMEOUT_MS)).toMatchObject({ status: 'unknown', upstream_code: null });
  });

  it.each<[string, HttpAnswer]>([
    ['a timeout', { kind: 'timeout' }],
    ['HTTP 503', { kind: 'answer', status: 503, text: '', json: undefined }],
    ['an authentication failure', answer([{ response: 'P001', message: 'Authentication failed' }])],
    ['FAIL with other words', answer({ response: 'FAIL', message: 'Try again later' })],
    ['garbage', answer({ hello: 'world' })],
  ])('conclude nothing from a query answered with %s', (_, reply) => {
    expect(readQueryAnswer('myRef', 'api_x', reply, TIMEOUT_MS)).toMatchObject({ reference: 'myRef', status: 'unknown', provider_ref: 'api_x' });
  });

  it("read the document's callback sample as a success for its transaction", () => {
    const fields = Object.fromEntries(
      fixture('callback.txt')
        .split('\n')
        .map((line) => /^\s*\[(\w+)\] => (.*)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1], m[2]]),
    ) as Record<string, string>;
    expect(fields).toEqual({ transaction_id: 'api_5d1df2a313d00', reference: 'myRef', status: 'Approved' });
    expect(outcomeOfStatus(fields['reference'] as string, fields['transaction_id'] as string, fields['status'] as string)).toMatchObject({
      reference: 'myRef',
      status: 'success',
      provider_ref: 'api_5d1df2a313d00',
    });
  });
});
