import { fundWallet } from '../support/operator.js';
import { http } from '../support/platform-client.js';
import { reference } from '../support/orders.js';
import { onboardTenant } from '../support/tenants.js';

describe("000's recharge surface for clients migrating from Omega", () => {
  it('recharges with a JWT, amount in cents, answering in 000\'s shape', async () => {
    const tenant = await onboardTenant();
    await fundWallet(tenant.accountId, '1000');
    const ref = reference('unique-reference');
    const { status, body } = await http('POST', '/api/v1/recharges/airtime', {
      token: tenant.token,
      body: { phone: '+263772279099', amount: 100, currency: 'USD', reference: ref },
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'success',
      message: 'successful airtime recharge',
      data: { transaction_id: expect.any(String), reference: ref, phone: '+263772279099', status: 'success' },
    });
    const wallets = await http('GET', '/api/v1/wallet', { token: tenant.token });
    expect(wallets.body.data[0].balance_minor).toBe('900');
  });

  it('answers 422 Insufficient funds as 000 shows', async () => {
    const tenant = await onboardTenant();
    await fundWallet(tenant.accountId, '50');
    const { status, body } = await http('POST', '/api/v1/recharges/airtime', {
      token: tenant.token,
      body: { phone: '+263772279099', amount: 100, currency: 'USD', reference: reference() },
    });
    expect(status).toBe(422);
    expect(body).toMatchObject({ status: 'error', message: 'Insufficient funds', data: null });
  });

  it('refuses a fractional amount: 000 takes integer cents', async () => {
    const tenant = await onboardTenant();
    const { status, body } = await http('POST', '/api/v1/recharges/airtime', {
      token: tenant.token,
      body: { phone: '+263772279099', amount: 1.5, currency: 'USD', reference: reference() },
    });
    expect(status).toBe(400);
    expect(Object.keys(body.data.fields)).toEqual(['amount']);
  });

  it("takes 000's batch and turns each recharge into its own idempotent order", async () => {
    const tenant = await onboardTenant();
    await fundWallet(tenant.accountId, '1000');
    const recharges = [
      { phone: '+263772279099', amount: 100, currency: 'USD', reference: reference('ref-001') },
      { phone: '+263772271234', amount: 200, currency: 'USD', reference: reference('ref-002') },
      { phone: '+263772220001', amount: 50, currency: 'USD', reference: reference('ref-003') },
    ];
    const { status, body } = await http('POST', '/api/v1/recharges/airtime/batch', { token: tenant.token, body: { recharges } });
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'success', message: 'batch recharge created', data: { batch_id: expect.any(String), total_count: 3, status: 'processing' } });

    const deadline = Date.now() + 20_000;
    let batch = (await http('GET', `/api/v1/recharges/airtime/batch/${body.data.batch_id}`, { token: tenant.token })).body.data;
    while (batch.status !== 'completed' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      batch = (await http('GET', `/api/v1/recharges/airtime/batch/${body.data.batch_id}`, { token: tenant.token })).body.data;
    }
    expect(batch).toMatchObject({ status: 'completed', total_count: 3, counts: { success: 2, refunded: 1 } });
    const wallets = await http('GET', '/api/v1/wallet', { token: tenant.token });
    expect(wallets.body.data[0].balance_minor).toBe('700');

    const bad = await http('POST', '/api/v1/recharges/airtime/batch', { token: tenant.token, body: { recharges: [{ phone: 'x', amount: 1.5, currency: 'USD' }] } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.data.fields).sort()).toEqual(['recharges.0.amount', 'recharges.0.phone', 'recharges.0.reference']);
  });
});
