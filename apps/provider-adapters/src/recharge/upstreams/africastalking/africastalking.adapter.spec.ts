import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DispatchRequest } from '@airtime/contracts';
import { loadConfig } from '@airtime/platform';
import { AfricasTalkingSimulatorModule } from '@airtime/simulators';
import { type RunningSimulator, startSimulatorWithCallbacks } from '@airtime/simulators/testing';
import { PENDING } from '../../outcomes.js';
import type { SentDispatch } from '../../upstream-adapter.js';
import { AfricasTalkingAdapter } from './africastalking.adapter.js';
import { AfricasTalkingConfig, SIMULATOR_CALLBACK_SECRET } from './africastalking.config.js';
import { africasTalkingOutcome, AFRICASTALKING_STATUSES } from './africastalking-status.js';

const fixtures = JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/status-values.json'), 'utf8'));

describe("Africa's Talking status values (seed 002)", () => {
  it('maps every documented value', () => {
    expect(Object.keys(AFRICASTALKING_STATUSES).sort()).toEqual([...fixtures.values].sort());
    const results = Object.fromEntries((fixtures.values as string[]).map((v) => [v, africasTalkingOutcome('r', v, 'ATQid_1', v)]));
    expect(results['Success']?.status).toBe('success');
    expect(results['Sent']).toMatchObject({ status: 'unknown', upstream_code: PENDING });
    expect(results['Queued']).toMatchObject({ status: 'unknown', upstream_code: PENDING });
    expect(results['UserNotFound']).toMatchObject({ status: 'failed', error_code: 'INVALID_TARGET', upstream_code: 'UserNotFound' });
    expect(results['InsufficientBalance']).toMatchObject({ status: 'failed', error_code: 'INSUFFICIENT_UPSTREAM_BALANCE' });
    expect(results['NotSupported']).toMatchObject({ status: 'failed', error_code: 'NOT_SUPPORTED' });
    expect(africasTalkingOutcome('r', 'Mystery', null, '').status).toBe('unknown');
  });
});

describe("the Africa's Talking adapter against its simulator, over HTTP", () => {
  let sim: RunningSimulator;
  let adapter: AfricasTalkingAdapter;
  let n = 0;

  beforeAll(async () => {
    sim = await startSimulatorWithCallbacks(AfricasTalkingSimulatorModule, 'SIM_AFRICASTALKING_CALLBACK_URL');
    const url = `${sim.url}/africastalking`;
    adapter = new AfricasTalkingAdapter(loadConfig(AfricasTalkingConfig, { NODE_ENV: 'test', AFRICASTALKING_BASE_URL: url, AFRICASTALKING_SANDBOX_BASE_URL: url, AFRICASTALKING_TIMEOUT_MS: '300' }));
    // One call first: on a loaded machine the simulator's very first answer can take longer than 300 ms.
    await fetch(`${url}/airtime/`).catch(() => undefined);
  });
  afterAll(() => sim.stop());

  const request = (target: string, overrides: Partial<DispatchRequest> = {}): DispatchRequest => ({
    reference: `a${process.pid}x${++n}`,
    upstream: 'africastalking',
    mode: 'live',
    kind: 'airtime',
    country: 'KE',
    network: 'safaricom',
    target,
    currency: 'KES',
    amount_minor: '10000',
    ...overrides,
  });
  const sent = (r: DispatchRequest, providerRef: string | null): SentDispatch => ({ reference: r.reference, upstream: 'africastalking', provider_ref: providerRef, target: r.target, currency: r.currency, amount_minor: r.amount_minor });

  it('sends (Sent: pending), and the replay and the status callback then say Success', async () => {
    const r = request('254711223344');
    const first = await adapter.send(r);
    expect(first).toMatchObject({ status: 'unknown', upstream_code: PENDING, provider_ref: expect.stringMatching(/^ATQid_/) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await adapter.query({ reference: r.reference, upstream: 'africastalking', mode: 'live', original: r })).toMatchObject({ status: 'success', provider_ref: first.provider_ref });
    const callback = sim.callbacks().find((c) => c['requestId'] === first.provider_ref);
    expect(callback).toMatchObject({ status: 'Success', phoneNumber: '+254711223344', value: 'KES 100.0000' });
    const translated = await adapter.callback('status', callback, { headers: {}, findSent: async () => sent(r, first.provider_ref) });
    expect(translated).toEqual({ outcome: expect.objectContaining({ status: 'success', reference: r.reference }), reply: { status: 200, body: 'OK' } });
  });

  it('sends Nigerian airtime in naira to a 234… number, which the replay, the status and the validation callbacks then confirm', async () => {
    const r = request('2348031234567', { country: 'NG', network: 'mtn', currency: 'NGN', amount_minor: '50000' });
    const first = await adapter.send(r);
    expect(first).toMatchObject({ status: 'unknown', upstream_code: PENDING, provider_ref: expect.stringMatching(/^ATQid_/) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await adapter.query({ reference: r.reference, upstream: 'africastalking', mode: 'live', original: r })).toMatchObject({ status: 'success', provider_ref: first.provider_ref });
    const callback = sim.callbacks().find((c) => c['requestId'] === first.provider_ref);
    expect(callback).toMatchObject({ status: 'Success', phoneNumber: '+2348031234567', value: 'NGN 500.0000' });
    const findSent = async () => sent(r, first.provider_ref);
    expect((await adapter.callback('status', callback, { headers: {}, findSent })).outcome).toMatchObject({ status: 'success', reference: r.reference });
    const validation = { transactionId: first.provider_ref, phoneNumber: '+2348031234567', sourceIpAddress: '203.0.113.9', currencyCode: 'NGN', amount: 500 };
    expect((await adapter.callback('validation', validation, { headers: {}, findSent })).reply).toEqual({ status: 200, body: { status: 'Validated' } });
    expect((await adapter.callback('validation', { ...validation, currencyCode: 'KES' }, { headers: {}, findSent })).reply).toEqual({ status: 200, body: { status: 'Failed' } });
  });

  it('fails a number the network does not know (…0001) and an empty float (…0002)', async () => {
    expect(await adapter.send(request('254711220001'))).toMatchObject({ status: 'failed', error_code: 'INVALID_TARGET' });
    expect(await adapter.send(request('254711220002'))).toMatchObject({ status: 'failed', error_code: 'INSUFFICIENT_UPSTREAM_BALANCE' });
  });

  it('calls a slow answer (…0004), a 500 (…0007) and garbage (…0008) unknown; a replay resolves them', async () => {
    const slow = request('254711220004');
    expect((await adapter.send(slow)).status).toBe('unknown');
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(await adapter.query({ reference: slow.reference, upstream: 'africastalking', mode: 'live', original: slow })).toMatchObject({ status: 'failed' });
    expect((await adapter.send(request('254711220007'))).status).toBe('unknown');
    expect((await adapter.send(request('254711220008'))).status).toBe('unknown');
  });

  it('moves nothing on a status callback for a transaction we did not send, or to another number than we sent', async () => {
    const r = request('254711223345');
    const stranger = await adapter.callback('status', { phoneNumber: '+254711223345', status: 'Failed', requestId: 'ATQid_forged' }, { headers: {}, findSent: async () => null });
    expect(stranger).toEqual({ reply: { status: 200, body: 'OK' }, refused: { reason: 'unknown-transaction', claimed: 'Failed' } });
    const elsewhere = await adapter.callback('status', { phoneNumber: '+254700000000', status: 'Failed', requestId: 'ATQid_1' }, { headers: {}, findSent: async () => sent(r, 'ATQid_1') });
    expect(elsewhere.outcome).toBeUndefined();
    expect(elsewhere.refused).toMatchObject({ reason: 'does-not-match-dispatch', reference: r.reference });
    // The sandbox's secret (held by the simulator) cannot settle a live order.
    const live = { ...sent(r, 'ATQid_2'), mode: 'live' as const };
    const fromSandbox = await adapter.callback('status', { phoneNumber: '+254711223345', status: 'Failed', requestId: 'ATQid_2' }, { headers: {}, authenticatedModes: ['test'], findSent: async () => live });
    expect(fromSandbox.outcome).toBeUndefined();
    expect(fromSandbox.refused).toMatchObject({ reason: 'does-not-match-dispatch' });
    const fromLive = await adapter.callback('status', { phoneNumber: '+254711223345', status: 'Failed', requestId: 'ATQid_2' }, { headers: {}, authenticatedModes: ['live'], findSent: async () => live });
    expect(fromLive.outcome).toMatchObject({ status: 'failed', reference: r.reference });
  });

  it('requires the callback secret (seed 002 has no status query to confirm a callback by)', () => {
    expect(adapter.callbackSecrets).toEqual({ live: SIMULATOR_CALLBACK_SECRET, test: SIMULATOR_CALLBACK_SECRET });
    const configured = new AfricasTalkingAdapter(loadConfig(AfricasTalkingConfig, { NODE_ENV: 'test', AFRICASTALKING_CALLBACK_SECRET: 'x'.repeat(32), AFRICASTALKING_SANDBOX_CALLBACK_SECRET: 'y'.repeat(32) }));
    expect(configured.callbackSecrets).toEqual({ live: 'x'.repeat(32), test: 'y'.repeat(32) });
    expect(() => loadConfig(AfricasTalkingConfig, { NODE_ENV: 'production', AFRICASTALKING_API_KEY: 'live-api-key-123' })).toThrow(/AFRICASTALKING_CALLBACK_SECRET/);
    expect(() => loadConfig(AfricasTalkingConfig, { NODE_ENV: 'production', AFRICASTALKING_API_KEY: 'live-api-key-123', AFRICASTALKING_CALLBACK_SECRET: 'short' })).toThrow(/AFRICASTALKING_CALLBACK_SECRET must be at least 32/);
  });

  it('answers the validation callback Validated only for a transaction we sent, as we sent it', async () => {
    const r = request('254711556677');
    const validation = { transactionId: 'ATQid_9', phoneNumber: '+254711556677', sourceIpAddress: '1.2.3.4', currencyCode: 'KES', amount: 100 };
    const ours = await adapter.callback('validation', validation, { headers: {}, findSent: async () => sent(r, 'ATQid_9') });
    expect(ours.reply).toEqual({ status: 200, body: { status: 'Validated' } });
    const other = await adapter.callback('validation', { ...validation, amount: 1000 }, { headers: {}, findSent: async () => sent(r, 'ATQid_9') });
    expect(other.reply.body).toEqual({ status: 'Failed' });
    const stranger = await adapter.callback('validation', validation, { headers: {}, findSent: async () => null });
    expect(stranger.reply.body).toEqual({ status: 'Failed' });
    const incomplete = await adapter.callback('validation', { transactionId: 'x' }, { headers: {}, findSent: async () => null });
    expect(incomplete.reply.status).toBe(400);
  });
});
