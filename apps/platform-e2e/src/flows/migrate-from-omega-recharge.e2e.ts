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
});
