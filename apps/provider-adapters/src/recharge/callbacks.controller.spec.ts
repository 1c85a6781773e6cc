import { Rpc, type UpstreamId } from '@airtime/contracts';
import { PlatformError } from '@airtime/platform';
import { type RunningProviderAdapters, startProviderAdaptersService } from '../testing/start-provider-adapters-service.js';
import { RefusedCallbacks } from './refused-callbacks.js';

const SECRET = `at-callback-secret-${process.pid}-0123456789abcdef`;
const SANDBOX_SECRET = `at-sandbox-callback-secret-${process.pid}-0123456789`;

/** The callback subject on the real service (NATS, PostgreSQL): what is refused, and where it is counted. */
describe('upstream callbacks that cannot be confirmed by a query must be authenticated', () => {
  let service: RunningProviderAdapters;
  const before = { live: process.env['AFRICASTALKING_CALLBACK_SECRET'], test: process.env['AFRICASTALKING_SANDBOX_CALLBACK_SECRET'] };

  beforeAll(async () => {
    process.env['AFRICASTALKING_CALLBACK_SECRET'] = SECRET;
    process.env['AFRICASTALKING_SANDBOX_CALLBACK_SECRET'] = SANDBOX_SECRET;
    service = await startProviderAdaptersService({ PESEPAY_INTEGRATION_KEY: 'unused-here', PESEPAY_ENCRYPTION_KEY: 'unused-here-unused-here-unused-h' });
  }, 60_000);
  afterAll(async () => {
    await service?.stop();
    for (const [name, value] of [['AFRICASTALKING_CALLBACK_SECRET', before.live], ['AFRICASTALKING_SANDBOX_CALLBACK_SECRET', before.test]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  const forged = { phoneNumber: '+254711223344', status: 'Failed', requestId: 'ATQid_forged', description: 'Airtime delivery failed' };
  const callback = (upstream: UpstreamId, body: Record<string, unknown>, token?: string) =>
    service.rpc.request(Rpc.providerAdapters.callback, { upstream, kind: 'status', body, source_ip: '203.0.113.9', ...(token === undefined ? {} : { token }) });
  const refusalOf = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a refusal'); }, (error: unknown) => error);
  const counts = async () => Object.fromEntries((await service.app.get(RefusedCallbacks).list()).map((r) => [`${r.upstream}:${r.reason}`, Number(r.count)]));

  it("refuses an Africa's Talking callback without the secret, or with another one, and counts each", async () => {
    expect(await refusalOf(callback('africastalking', forged))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusalOf(callback('africastalking', forged, 'guess'))).toMatchObject({ code: 'INVALID_SIGNATURE' });
    expect(await refusalOf(callback('africastalking', forged, `${SECRET}x`))).toBeInstanceOf(PlatformError);
    expect(await counts()).toMatchObject({ 'africastalking:missing-secret': 1, 'africastalking:wrong-secret': 2 });
  });

  it('passes one with the secret on to the adapter, which still refuses a transaction we never sent', async () => {
    expect(await callback('africastalking', forged, SECRET)).toEqual({ status: 200, body: 'OK' });
    expect(await callback('africastalking', forged, SANDBOX_SECRET)).toEqual({ status: 200, body: 'OK' });
    expect((await counts())['africastalking:unknown-transaction']).toBe(2);
  });

  it('refuses callbacks for upstreams that have none (Omega, ZESA) and counts them', async () => {
    expect(await refusalOf(callback('omega', { reference: 'x', status: 'FAILED' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusalOf(callback('zesa', { reference: 'x', status: 'FAILED' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await counts()).toMatchObject({ 'omega:no-callbacks': 1, 'zesa:no-callbacks': 1 });
  });
});
