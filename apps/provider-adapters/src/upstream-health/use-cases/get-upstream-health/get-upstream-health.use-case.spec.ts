import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { register } from 'prom-client';
import { DataSource } from 'typeorm';
import { type DispatchRequest, Rpc, type UpstreamHealthView } from '@airtime/contracts';
import { failureOf } from '@airtime/platform/testing';
import { EstoresmsSimulatorModule } from '@airtime/simulators';
import { type RunningProviderAdapters, startProviderAdaptersService } from '../../../testing/start-provider-adapters-service.js';
import { UpstreamFloats } from '../../upstream-floats.js';

/** What the adapters read from the environment when the service starts (restored after). */
const ENV = ['ESTORESMS_BASE_URL', 'ESTORESMS_SANDBOX_BASE_URL', 'ESTORESMS_SANDBOX_PASSWORD', 'CIRCUIT_FAILURE_THRESHOLD'] as const;
const WRONG_PASSWORD = 'not-the-sandbox-password';

/** The health subject on the real service (NATS, PostgreSQL), eStoreSMS's float read from its simulator. */
describe("the upstreams' health", () => {
  let service: RunningProviderAdapters;
  let sim: INestApplication;
  let simUrl: string;
  const saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));

  beforeAll(async () => {
    sim = await NestFactory.create(EstoresmsSimulatorModule.register({ controls: true }), { logger: false });
    await sim.listen(0, '127.0.0.1');
    simUrl = `http://127.0.0.1:${(sim.getHttpServer().address() as AddressInfo).port}/estoresms`;
    Object.assign(process.env, { ESTORESMS_BASE_URL: simUrl, ESTORESMS_SANDBOX_BASE_URL: simUrl, ESTORESMS_SANDBOX_PASSWORD: WRONG_PASSWORD, CIRCUIT_FAILURE_THRESHOLD: '2' });
    service = await startProviderAdaptersService({ PESEPAY_INTEGRATION_KEY: 'unused-here', PESEPAY_ENCRYPTION_KEY: 'unused-here-unused-here-unused-h' });
  }, 60_000);

  afterAll(async () => {
    await service?.stop();
    await sim?.close();
    for (const name of ENV) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  const health = (window_minutes?: number) => service.rpc.request(Rpc.providerAdapters.upstreamHealth, window_minutes === undefined ? {} : { window_minutes });
  const of = (views: UpstreamHealthView[], upstream: string, mode: string) => views.find((v) => v.upstream === upstream && v.mode === mode) as UpstreamHealthView;
  let n = 0;
  const send = (phone: string, mode: DispatchRequest['mode'] = 'live') =>
    service.rpc.request(Rpc.providerAdapters.dispatch, {
      reference: `health${process.pid}x${++n}`, upstream: 'estoresms', mode, kind: 'voucher', country: 'NG', network: 'mtn', target: phone, currency: 'NGN', amount_minor: '10000',
    });
  const database = () => service.app.get(DataSource, { strict: false });

  it('answers every upstream in both modes before any traffic: nothing counted, circuits closed, and the float where there is a balance call', async () => {
    const views = await health();
    expect(views).toHaveLength(10);
    expect(new Set(views.map((v) => `${v.upstream}:${v.mode}`)).size).toBe(10);
    for (const view of views) {
      expect(view).toMatchObject({ circuit: 'closed', window_minutes: 15, sent: 0, succeeded: 0, failed: 0, unknown: 0, success_rate: null, p50_ms: null, p99_ms: null, last_insufficient_balance_at: null });
    }
    expect(of(views, 'omega', 'live')).toMatchObject({ float: null, float_error: null });
    // The simulator's wallet: N10,000,000 in kobo.
    expect(of(views, 'estoresms', 'live')).toMatchObject({ float: { currency: 'NGN', amount_minor: '1000000000', checked_at: expect.any(String) }, float_error: null });
    // The sandbox was given a wrong password: the reason is short and does not carry it.
    const sandbox = of(views, 'estoresms', 'test');
    expect(sandbox).toMatchObject({ float: null, float_error: 'balance call answered "Authentication failed"' });
    expect(JSON.stringify(views)).not.toContain(WRONG_PASSWORD);
    // The same float for Prometheus; the sandbox, unread, has no series.
    const gauge = await register.getSingleMetricAsString('airtime_upstream_float_minor');
    expect(gauge).toContain('airtime_upstream_float_minor{upstream="estoresms",mode="live",currency="NGN"} 1000000000');
    expect(gauge).not.toContain('mode="test"');
  });

  it('counts the sends answered in the window by how they ended, with their latency, and the last refusal for want of float at any age', async () => {
    expect(await send('2348031234567')).toMatchObject({ status: 'success' });
    expect(await send('2348031234568')).toMatchObject({ status: 'success' });
    expect(await send('2348030000001')).toMatchObject({ status: 'failed', error_code: 'INVALID_TARGET' });
    expect(await send('2348030000002')).toMatchObject({ status: 'failed', error_code: 'INSUFFICIENT_UPSTREAM_BALANCE' });
    expect(await send('2348030000005')).toMatchObject({ status: 'unknown', upstream_code: 'PENDING' });
    const views = await health();
    const live = of(views, 'estoresms', 'live');
    expect(live).toMatchObject({ sent: 5, succeeded: 2, failed: 2, unknown: 1, success_rate: 0.4, circuit: 'closed' });
    expect(live.p50_ms).toEqual(expect.any(Number));
    expect(live.p99_ms as number).toBeGreaterThanOrEqual(live.p50_ms as number);
    const shortOfFloat = Date.parse(live.last_insufficient_balance_at as string);
    expect(Date.now() - shortOfFloat).toBeLessThan(60_000);
    expect(of(views, 'estoresms', 'test')).toMatchObject({ sent: 0, last_insufficient_balance_at: null });

    // An hour ago, out of a 15-minute window, but still the last time eStoreSMS was short of our float.
    await database().query(`UPDATE dispatches SET answered_at = answered_at - interval '1 hour' WHERE upstream = 'estoresms' AND mode = 'live'`);
    const later = of(await health(), 'estoresms', 'live');
    expect(later).toMatchObject({ sent: 0, succeeded: 0, success_rate: null, p50_ms: null, p99_ms: null });
    expect(Date.parse(later.last_insufficient_balance_at as string)).toBe(shortOfFloat - 3_600_000);
    expect(of(await health(120), 'estoresms', 'live')).toMatchObject({ window_minutes: 120, sent: 5, succeeded: 2 });
  });

  it("shows a circuit opened by sandbox 5xx in the sandbox's row only", async () => {
    for (let i = 0; i < 2; i++) expect(await send('2348030000007', 'test')).toMatchObject({ status: 'unknown' });
    const views = await health();
    expect(of(views, 'estoresms', 'test')).toMatchObject({ circuit: 'open', sent: 2, unknown: 2, success_rate: 0 });
    expect(of(views, 'estoresms', 'live').circuit).toBe('closed');
  });

  it('refuses a window outside 1 to 1440 minutes', async () => {
    for (const window_minutes of [0, 1441, 1.5]) expect((await failureOf(health(window_minutes))).code).toBe('VALIDATION_FAILED');
  });
});

describe('floats', () => {
  it('are read once a minute per upstream and mode, failures retried sooner, concurrent asks sharing a read', async () => {
    let clock = 1_000_000;
    const floats = new UpstreamFloats(() => clock);
    let reads = 0;
    let answer: () => Promise<{ currency: string; amount_minor: string }> = async () => ({ currency: 'NGN', amount_minor: String(++reads) });
    const read = () => answer();
    const [a, b] = await Promise.all([floats.of('estoresms', 'live', read), floats.of('estoresms', 'live', read)]);
    expect(a).toEqual(b);
    expect(reads).toBe(1);
    clock += 59_000;
    expect((await floats.of('estoresms', 'live', read)).float?.amount_minor).toBe('1');
    expect((await floats.of('estoresms', 'test', read)).float?.amount_minor).toBe('2');
    clock += 2_000;
    expect((await floats.of('estoresms', 'live', read)).float?.amount_minor).toBe('3');
    answer = async () => {
      reads++;
      throw new Error('balance call timed out');
    };
    clock += 61_000;
    expect(await floats.of('estoresms', 'live', read)).toEqual({ float: null, float_error: 'balance call timed out' });
    clock += 11_000;
    await floats.of('estoresms', 'live', read);
    expect(reads).toBe(5);
  });
});
