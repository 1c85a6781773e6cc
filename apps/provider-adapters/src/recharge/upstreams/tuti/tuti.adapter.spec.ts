import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import type { DispatchRequest } from '@airtime/contracts';
import { loadConfig } from '@airtime/platform';
import { TutiSimulatorModule } from '@airtime/simulators';
import { type RunningSimulator, startSimulatorWithCallbacks } from '@airtime/simulators/testing';
import { PENDING } from '../../outcomes.js';
import type { SentDispatch } from '../../upstream-adapter.js';
import { tutiOutcome } from './tuti-answer.js';
import { TutiAdapter } from './tuti.adapter.js';
import { TutiConfig } from './tuti.config.js';

const fixtures = JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/responses.json'), 'utf8'));
const answer = (status: number, json: unknown) => ({ kind: 'answer' as const, status, text: JSON.stringify(json), json });

describe("Tuti's documented answers (seed 004)", () => {
  it.each([
    ['create 200 pending', 200, fixtures.create_200, 'unknown', PENDING],
    ['create 400', 400, fixtures.create_400, 'failed', 'invalid_phone_number'],
    ['create 401', 401, fixtures.create_401, 'failed', 'invalid_api_key'],
    ['create 403 declined', 403, fixtures.create_403, 'failed', 'insufficient_funds'],
    ['create 502 gateway error', 502, fixtures.create_502, 'failed', 'maximum_amount_exceeded'],
    ['inquiry successful', 200, fixtures.inquiry_successful, 'success', undefined],
    ['inquiry failed', 200, fixtures.inquiry_failed, 'failed', 'maximum_amount_exceeded'],
  ])('%s', (_label, status, body, expected, upstreamCode) => {
    const result = tutiOutcome('ref1', answer(status, body));
    expect(result.status).toBe(expected);
    if (upstreamCode) expect(result.upstream_code).toBe(upstreamCode);
  });

  it('maps the documented codes to platform error codes and keeps the transaction id', () => {
    expect(tutiOutcome('r', answer(400, fixtures.create_400))).toMatchObject({ error_code: 'INVALID_TARGET', message: 'Invalid phone number' });
    expect(tutiOutcome('r', answer(403, fixtures.create_403))).toMatchObject({ error_code: 'INSUFFICIENT_UPSTREAM_BALANCE', provider_ref: '12345678' });
    expect(tutiOutcome('r', answer(502, fixtures.create_502))).toMatchObject({ error_code: 'AMOUNT_OUT_OF_RANGE' });
    expect(tutiOutcome('r', answer(200, fixtures.create_200))).toMatchObject({ provider_ref: '123456789' });
  });

  it('calls an undocumented 5xx, garbage and timeouts unknown', () => {
    expect(tutiOutcome('r', answer(502, { oops: true })).status).toBe('unknown');
    expect(tutiOutcome('r', { kind: 'answer', status: 200, text: '<html>', json: undefined }).status).toBe('unknown');
    expect(tutiOutcome('r', { kind: 'timeout' }).status).toBe('unknown');
  });
});

describe('the Tuti adapter against the Tuti simulator, over HTTP', () => {
  let sim: RunningSimulator;
  let adapter: TutiAdapter;
  let n = 0;

  beforeAll(async () => {
    sim = await startSimulatorWithCallbacks(TutiSimulatorModule, 'SIM_TUTI_WEBHOOK_URL');
    const url = `${sim.url}/tuti`;
    adapter = new TutiAdapter(loadConfig(TutiConfig, { NODE_ENV: 'test', TUTI_BASE_URL: url, TUTI_SANDBOX_BASE_URL: url, TUTI_TIMEOUT_MS: '300' }));
    // One call first: on a loaded machine the simulator's very first answer can take longer than 300 ms.
    await fetch(`${url}/ext/airtime/transaction/0`).catch(() => undefined);
  });
  afterAll(() => sim.stop());

  const request = (target: string, overrides: Partial<DispatchRequest> = {}): DispatchRequest => ({
    reference: `t${process.pid}x${++n}`,
    upstream: 'tuti',
    mode: 'live',
    kind: 'airtime',
    country: 'SD',
    network: 'mtn',
    target,
    currency: 'SDG',
    amount_minor: '10000',
    ...overrides,
  });
  const sentFor = (reference: string, providerRef: string) => async (): Promise<SentDispatch> =>
    ({ reference, upstream: 'tuti', provider_ref: providerRef, target: '', currency: 'SDG', amount_minor: '10000', mode: 'live' });

  it('queues a recharge (pending, with Tuti\'s transaction id) that the inquiry and the webhook then report successful', async () => {
    const r = request('249925343834');
    const queued = await adapter.send(r);
    expect(queued).toMatchObject({ status: 'unknown', upstream_code: PENDING, provider_ref: expect.stringMatching(/^\d+$/) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await adapter.query({ reference: r.reference, upstream: 'tuti', mode: 'live', provider_ref: queued.provider_ref as string })).toMatchObject({ status: 'success' });
    const hook = sim.callbacks().find((h) => h['transaction_id'] === queued.provider_ref);
    expect(hook).toMatchObject({ result: 'ok', status: 'successful', code: 'approved' });
    const translated = await adapter.callback('status', hook, { headers: {}, findSent: sentFor(r.reference, queued.provider_ref as string) });
    expect(translated).toMatchObject({ outcome: { status: 'success', reference: r.reference }, reply: { status: 200 } });
  });

  it('reports a queued recharge that later fails (…0006) as failed on inquiry', async () => {
    const r = request('249925340006');
    const queued = await adapter.send(r);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await adapter.query({ reference: r.reference, upstream: 'tuti', mode: 'live', provider_ref: queued.provider_ref as string })).toMatchObject({ status: 'failed', upstream_code: 'maximum_amount_exceeded' });
  });

  it('fails what Tuti refuses: a bad number (…0001), insufficient funds (…0002), another network\'s number', async () => {
    expect(await adapter.send(request('249925340001'))).toMatchObject({ status: 'failed', error_code: 'INVALID_TARGET' });
    expect(await adapter.send(request('249925340002'))).toMatchObject({ status: 'failed', error_code: 'INSUFFICIENT_UPSTREAM_BALANCE' });
    expect(await adapter.send(request('249115343834', { network: 'zain' }))).toMatchObject({ status: 'failed', error_code: 'INVALID_TARGET' });
  });

  it('calls a slow answer (…0003), a bare 5xx (…0007) and garbage (…0008) unknown', async () => {
    expect((await adapter.send(request('249925340003'))).status).toBe('unknown');
    expect((await adapter.send(request('249925340007'))).status).toBe('unknown');
    expect((await adapter.send(request('249925340008'))).status).toBe('unknown');
  });

  it('keeps the per-phone daily limit before calling', async () => {
    const big = request('249925349999', { amount_minor: '900000' });
    expect((await adapter.send(big)).status).toBe('unknown');
    expect(await adapter.send(request('249925349999', { amount_minor: '200000' }))).toMatchObject({ status: 'failed', error_code: 'DAILY_LIMIT_EXCEEDED' });
  });

  it('refuses a webhook for a transaction it did not send', async () => {
    const reply = await adapter.callback('status', { transaction_id: '1', status: 'successful', result: 'ok' }, { headers: {}, findSent: async () => null });
    expect(reply).toEqual({ reply: { status: 404, body: { result: 'error', message: 'Unknown transaction' } }, refused: { reason: 'unknown-transaction' } });
  });

  it('refuses a forged "failed" webhook for a delivered recharge: the inquiry says successful, and that is the outcome', async () => {
    const r = request('249925343834');
    const queued = await adapter.send(r);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const forged = { result: 'error', transaction_id: queued.provider_ref, status: 'failed', code: 'invalid_phone_number', message: 'Invalid phone number' };
    const translated = await adapter.callback('status', forged, { headers: {}, findSent: sentFor(r.reference, queued.provider_ref as string) });
    expect(translated.outcome).toMatchObject({ status: 'success', reference: r.reference });
    expect(translated.refused).toMatchObject({ reason: 'contradicted-by-query', claimed: 'failed', queried: 'success' });
  });
});

describe('a forged Tuti webhook while the recharge is still queued', () => {
  let sim: INestApplication;
  let adapter: TutiAdapter;

  beforeAll(async () => {
    // Tuti completes this queue only after a minute, so the transaction is certainly still pending.
    const before = process.env['SIM_CALLBACK_DELAY_MS'];
    process.env['SIM_CALLBACK_DELAY_MS'] = '60000';
    sim = await NestFactory.create(TutiSimulatorModule, { logger: false });
    await sim.listen(0, '127.0.0.1');
    process.env['SIM_CALLBACK_DELAY_MS'] = before;
    const url = `http://127.0.0.1:${(sim.getHttpServer().address() as AddressInfo).port}/tuti`;
    adapter = new TutiAdapter(loadConfig(TutiConfig, { NODE_ENV: 'test', TUTI_BASE_URL: url, TUTI_SANDBOX_BASE_URL: url, TUTI_TIMEOUT_MS: '1000' }));
  });
  afterAll(() => sim.close());

  it('moves nothing: the inquiry still says pending, so the order is left for the reconciler', async () => {
    const r: DispatchRequest = { reference: `q${process.pid}`, upstream: 'tuti', mode: 'live', kind: 'airtime', country: 'SD', network: 'mtn', target: '249925343835', currency: 'SDG', amount_minor: '10000' };
    const queued = await adapter.send(r);
    expect(queued).toMatchObject({ status: 'unknown', upstream_code: PENDING });
    const sent: SentDispatch = { reference: r.reference, upstream: 'tuti', provider_ref: queued.provider_ref, target: r.target, currency: 'SDG', amount_minor: '10000', mode: 'live' };
    const forged = { result: 'error', transaction_id: queued.provider_ref, status: 'failed', code: 'invalid_phone_number', message: 'Invalid phone number' };
    const translated = await adapter.callback('status', forged, { headers: {}, findSent: async () => sent });
    expect(translated.outcome).toBeUndefined();
    expect(translated.reply.status).toBe(503);
    expect(translated.refused).toMatchObject({ reason: 'not-confirmed-yet', claimed: 'failed', queried: 'unknown' });
  });
});
