import { fundWallet } from '../support/operator.js';
import { http } from '../support/platform-client.js';
import { reference, settledOrder } from '../support/orders.js';
import { createApiKey, onboardTenant } from '../support/tenants.js';

describe('Sudanese airtime through Tuti, whose queue answers later by webhook', () => {
  it('leaves the order unknown (never failed, never refunded) until Tuti calls back, then succeeds', async () => {
    const tenant = await onboardTenant();
    const { key } = await createApiKey(tenant);
    await fundWallet(tenant.accountId, '100000', 'SDG');
    const placed = await http('POST', '/api/v1/orders', { apiKey: key, body: { product_id: 401, target: '0925343834', amount: 100, agent_reference: reference() } });
    expect(placed.status).toBe(200);
    expect(['unknown', 'pending', 'success']).toContain(placed.body.status);
    const order = await settledOrder(key, placed.body.agent_reference, 20_000);
    expect(order).toMatchObject({ status: 'success', network: 'mtn', target: '249925343834', provider_ref: expect.stringMatching(/^\d+$/) });
    const wallets = await http('GET', '/api/v1/wallet', { apiKey: key });
    expect(wallets.body.data[0]).toMatchObject({ currency: 'SDG', balance_minor: '90000' });
  });

  it('refunds a recharge Tuti reports failed', async () => {
    const tenant = await onboardTenant();
    const { key } = await createApiKey(tenant);
    await fundWallet(tenant.accountId, '100000', 'SDG');
    const placed = await http('POST', '/api/v1/orders', { apiKey: key, body: { product_id: 401, target: '0925340006', amount: 100, agent_reference: reference() } });
    const order = await settledOrder(key, placed.body.agent_reference, 20_000);
    expect(order.status).toBe('refunded');
    expect((await http('GET', '/api/v1/wallet', { apiKey: key })).body.data[0].balance_minor).toBe('100000');
  });
});

describe("Kenyan airtime through Africa's Talking, confirmed by its status callback", () => {
  it('succeeds once Africa\'s Talking reports the airtime delivered', async () => {
    const tenant = await onboardTenant();
    const { key } = await createApiKey(tenant);
    await fundWallet(tenant.accountId, '50000', 'KES');
    const placed = await http('POST', '/api/v1/orders', { apiKey: key, body: { product_id: 200, target: '0711223344', amount: 100, agent_reference: reference() } });
    expect(placed.status).toBe(200);
    const order = await settledOrder(key, placed.body.agent_reference, 20_000);
    expect(order).toMatchObject({ status: 'success', network: 'safaricom', target: '254711223344', provider_ref: expect.stringMatching(/^ATQid_/) });
    expect((await http('GET', '/api/v1/wallet', { apiKey: key })).body.data[0]).toMatchObject({ currency: 'KES', balance_minor: '40000' });
  });
});
