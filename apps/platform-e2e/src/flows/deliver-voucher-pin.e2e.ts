import { fundWallet } from '../support/operator.js';
import { http } from '../support/platform-client.js';
import { reference } from '../support/orders.js';
import { createApiKey, onboardTenant } from '../support/tenants.js';

describe('voucher PINs (eStoreSMS)', () => {
  it('returns the PIN, its serial and the dial string with the order', async () => {
    const tenant = await onboardTenant();
    const { key } = await createApiKey(tenant);
    await fundWallet(tenant.accountId, '1000000', 'NGN');
    const { status, body } = await http('POST', '/api/v1/orders', {
      apiKey: key,
      body: { product_id: 300, target: '08031234567', amount: 100, agent_reference: reference() },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'success', kind: 'voucher', network: 'mtn', currency: 'NGN', amount_minor: '10000' });
    expect(body.pin).toMatch(/^\d{10,16}$/);
    expect(body.serial).toBeTruthy();
    expect(body.ussd).toContain(body.pin);
  });

  it("refuses amounts outside eStoreSMS's N50 to N50,000 before anything is sent", async () => {
    const tenant = await onboardTenant();
    const { key } = await createApiKey(tenant);
    await fundWallet(tenant.accountId, '10000000', 'NGN');
    for (const amount of [49, 50001]) {
      const answer = await http('POST', '/api/v1/orders', { apiKey: key, body: { product_id: 300, target: '08031234567', amount, agent_reference: reference() } });
      expect(answer.status).toBe(422);
      expect(answer.body.code).toBe('AMOUNT_OUT_OF_RANGE');
    }
  });
});
