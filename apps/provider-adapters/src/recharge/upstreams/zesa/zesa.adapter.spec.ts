import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import type { DispatchRequest } from '@airtime/contracts';
import { loadConfig } from '@airtime/platform';
import { ZesaSimulatorModule } from '@airtime/simulators';
import { PENDING } from '../../outcomes.js';
import { ZesaAdapter } from './zesa.adapter.js';
import { ZesaConfig } from './zesa.config.js';

const TIMEOUT_MS = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the ZESA adapter against the ZESA simulator, over HTTP', () => {
  let sim: INestApplication;
  let adapter: ZesaAdapter;
  let url: string;
  let n = 0;

  beforeAll(async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { SIM_SLOW_ANSWER_MS: '800', SIM_CALLBACK_DELAY_MS: '200' });
    sim = await NestFactory.create(ZesaSimulatorModule, { logger: false });
    await sim.listen(0, '127.0.0.1');
    process.env = saved;
    url = `http://127.0.0.1:${(sim.getHttpServer().address() as AddressInfo).port}/zesa`;
    adapter = new ZesaAdapter(loadConfig(ZesaConfig, { NODE_ENV: 'test', ZESA_BASE_URL: url, ZESA_SANDBOX_BASE_URL: url, ZESA_TIMEOUT_MS: String(TIMEOUT_MS) }));
  });
  afterAll(() => sim.close());

  const request = (meter: string, overrides: Partial<DispatchRequest> = {}): DispatchRequest => ({
    reference: `z${process.pid}x${Date.now().toString(36)}x${++n}`,
    upstream: 'zesa',
    mode: 'live',
    kind: 'electricity',
    country: 'ZW',
    network: 'zesa',
    target: meter,
    currency: 'USD',
    amount_minor: '1000',
    ...overrides,
  });

  it('sells a 20-digit token for a known meter, with the customer, and the look-up finds the same sale', async () => {
    const r = request('37132660123');
    const sold = await adapter.send(r);
    expect(sold).toMatchObject({ status: 'success', customer_name: expect.any(String) });
    expect(sold.token?.replace(/-/g, '')).toMatch(/^\d{20}$/);
    expect(sold.provider_ref).toMatch(/^ZESA\d+/);
    expect(await adapter.query({ reference: r.reference, upstream: 'zesa', mode: 'live' })).toMatchObject({ status: 'success', token: sold.token });
  });

  it('never sells twice under one reference', async () => {
    const r = request('37132660124');
    const first = await adapter.send(r);
    const again = await adapter.send(r);
    expect(again.token).toBe(first.token);
  });

  it('fails an unknown meter (…0001) and an exhausted vendor float (…0002) without selling', async () => {
    expect(await adapter.send(request('37132660001'))).toMatchObject({ status: 'failed', error_code: 'INVALID_TARGET', upstream_code: 'METER_NOT_FOUND' });
    const poor = request('37132660002');
    expect(await adapter.send(poor)).toMatchObject({ status: 'failed', error_code: 'INSUFFICIENT_UPSTREAM_BALANCE', upstream_code: 'VENDOR_FLOAT_EXHAUSTED' });
    expect(await adapter.query({ reference: poor.reference, upstream: 'zesa', mode: 'live' })).toMatchObject({ status: 'failed', error_code: 'NOT_DELIVERED' });
  });

  it('calls a slow answer unknown, and the look-up resolves it: sold (…0003) or not (…0004)', async () => {
    const sold = request('37132660003');
    const notSold = request('37132660004');
    expect((await adapter.send(sold)).status).toBe('unknown');
    expect((await adapter.send(notSold)).status).toBe('unknown');
    expect(await adapter.query({ reference: sold.reference, upstream: 'zesa', mode: 'live' })).toMatchObject({ status: 'success' });
    expect(await adapter.query({ reference: notSold.reference, upstream: 'zesa', mode: 'live' })).toMatchObject({ status: 'failed' });
  });

  it('reports a token still vending (…0005) as pending, then sold; (…0006) as never sold', async () => {
    const later = request('37132660005');
    const never = request('37132660006');
    expect(await adapter.send(later)).toMatchObject({ status: 'unknown', upstream_code: PENDING });
    expect(await adapter.send(never)).toMatchObject({ status: 'unknown', upstream_code: PENDING });
    expect(await adapter.query({ reference: later.reference, upstream: 'zesa', mode: 'live' })).toMatchObject({ status: 'unknown', upstream_code: PENDING });
    await sleep(300);
    expect(await adapter.query({ reference: later.reference, upstream: 'zesa', mode: 'live' })).toMatchObject({ status: 'success' });
    expect(await adapter.query({ reference: never.reference, upstream: 'zesa', mode: 'live' })).toMatchObject({ status: 'failed' });
  });

  it('calls a 5xx (…0007) and an unreadable 200 (…0008) unknown, never failed', async () => {
    expect((await adapter.send(request('37132660007'))).status).toBe('unknown');
    const garbage = request('37132660008');
    expect(await adapter.send(garbage)).toMatchObject({ status: 'unknown', upstream_code: 'UNREADABLE' });
    expect((await adapter.query({ reference: garbage.reference, upstream: 'zesa', mode: 'live' })).status).toBe('success');
  });

  it('refuses anything but electricity, and a wrong API key is a certain failure before anything is bought', async () => {
    expect(await adapter.send(request('37132660123', { kind: 'airtime' }))).toMatchObject({ status: 'failed', error_code: 'NOT_SUPPORTED' });
    const wrongKey = new ZesaAdapter(loadConfig(ZesaConfig, { NODE_ENV: 'test', ZESA_BASE_URL: url, ZESA_API_KEY: 'not-the-key', ZESA_TIMEOUT_MS: '300' }));
    expect(await wrongKey.send(request('37132660123'))).toMatchObject({ status: 'failed', error_code: 'UPSTREAM_UNAVAILABLE' });
  });

  it('calls an unreachable ZESA unknown on a look-up of a sale', async () => {
    const down = new ZesaAdapter(loadConfig(ZesaConfig, { NODE_ENV: 'test', ZESA_BASE_URL: 'http://127.0.0.1:9', ZESA_TIMEOUT_MS: '300' }));
    expect((await down.query({ reference: 'x', upstream: 'zesa', mode: 'live' })).status).toBe('unknown');
  });
});
