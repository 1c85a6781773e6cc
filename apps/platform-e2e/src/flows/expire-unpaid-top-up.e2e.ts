import type { RunningPlatform } from '../support/platform-processes.js';
import { ownPlatform } from '../support/own-platform.js';
import { http } from '../support/platform-client.js';
import { createApiKey, onboardTenant } from '../support/tenants.js';

let platform: RunningPlatform;
beforeAll(async () => {
  platform = await ownPlatform({ label: 'expiry', env: { TOPUP_TTL_SECONDS: '1', TOPUP_SWEEP_SECONDS: '1' } });
}, 90_000);
afterAll(() => platform?.stopAll(), 30_000);

async function statusOf(key: string, reference: string, want: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await http('GET', `/api/v1/wallet/topup/${reference}`, { apiKey: key });
    if (body.data.status === want || Date.now() > deadline) return body.data.status;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('unpaid top-ups', () => {
  it('expire, and a payment that arrives after all is still credited exactly once', async () => {
    const { key } = await createApiKey(await onboardTenant());
    const started = await http('POST', '/api/v1/wallet/topup', { apiKey: key, body: { amount: 4, currency: 'USD' } });
    expect(started.body.data.status).toBe('pending');

    expect(await statusOf(key, started.body.data.reference, 'expired')).toBe('expired');
    expect((await http('GET', '/api/v1/wallet', { apiKey: key })).body.data).toEqual([]);

    // The payer completes the payment late: money that was paid is never left uncredited.
    expect((await fetch(started.body.data.redirect_url)).status).toBe(200);
    expect(await statusOf(key, started.body.data.reference, 'paid')).toBe('paid');
    expect((await http('GET', '/api/v1/wallet', { apiKey: key })).body.data[0].balance_minor).toBe('400');
  });
});
