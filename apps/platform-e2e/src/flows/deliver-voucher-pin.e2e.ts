import { fundWallet } from '../support/operator.js';
import { e2eState } from '../support/e2e-state.js';
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

  it('refunds a PIN its upstream later reverses, exactly once, and shows the order reversed', async () => {
    const tenant = await onboardTenant();
    const { key } = await createApiKey(tenant);
    await fundWallet(tenant.accountId, '100000', 'NGN');
    const { body: order } = await http('POST', '/api/v1/orders', { apiKey: key, body: { product_id: 301, target: '08021234567', amount: 200, agent_reference: reference() } });
    expect(order.status).toBe('success');
    const balance = async () => (await http('GET', '/api/v1/wallet', { apiKey: key })).body.data[0].balance_minor;
    expect(await balance()).toBe('80000');

    // eStoreSMS reverses the sale and calls back, twice.
    for (let i = 0; i < 2; i++) {
      const reversed = await fetch(`${e2eState().simUrl}/estoresms/sim/transactions/${order.provider_ref}/status`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'Reversed' }),
      });
      expect(reversed.status).toBeLessThan(300);
    }
    const deadline = Date.now() + 15_000;
    let now = order;
    while (now.status !== 'reversed' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      now = (await http('GET', `/api/v1/orders/${order.agent_reference}`, { apiKey: key })).body;
    }
    expect(now).toMatchObject({ status: 'reversed', error_code: 'REVERSED' });
    await new Promise((r) => setTimeout(r, 1000));
    expect(await balance()).toBe('100000');
    const refunds = await http('GET', `/api/v1/wallet/ledger?kind=refund&order_id=${order.id}`, { apiKey: key });
    expect(refunds.body.data.entries).toHaveLength(1);
  });
});
