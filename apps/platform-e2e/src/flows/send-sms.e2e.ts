import { randomInt } from 'node:crypto';
import { operatorToken } from '../support/operator.js';
import { graphql, http } from '../support/platform-client.js';
import { fundedShop, placeOrder } from '../support/orders.js';
import { onboardingBody, onboardTenant, waitForSms } from '../support/tenants.js';

describe('SMS', () => {
  it("sends an order's custom_sms to the recipient when the recharge succeeds (001)", async () => {
    const shop = await fundedShop(await onboardTenant());
    const target = `0772${String(randomInt(100_000, 999_999))}`;
    const order = await placeOrder(shop.key, { product_id: 100, target, amount: 1, custom_sms: 'Your monthly comms allowance from ACME.' });
    expect(order.body.status).toBe('success');
    const [sms] = await waitForSms(target, 1);
    expect(sms?.message).toBe('Your monthly comms allowance from ACME.');
  });

  it('retries an SMS the provider refuses, and shows operators why (never the text)', async () => {
    // The SMS simulator refuses recipients ending in 0007.
    const phone = `077${String(randomInt(100, 999))}0007`;
    const created = await http('POST', '/api/v1/onboarding/accounts', { body: onboardingBody({ user_phone: phone }) });
    expect(created.status).toBe(200);

    const operator = await operatorToken();
    const deadline = Date.now() + 10_000;
    let mine: { recipient: string; status: string; attemptCount: number; lastError: string | null; purpose: string } | undefined;
    while (Date.now() < deadline && !(mine && mine.attemptCount >= 2)) {
      const listed = await graphql(`{ smsMessages(status: "pending", first: 100) { edges { node { recipient status attemptCount lastError purpose } } } }`, {}, { token: operator });
      expect(listed.errors).toBeUndefined();
      mine = listed.data.smsMessages.edges.map((e: { node: { recipient: string } }) => e.node).find((m: { recipient: string }) => m.recipient === `263${phone.slice(1)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(mine).toMatchObject({ status: 'pending', purpose: 'pin', lastError: expect.stringMatching(/InternalServerError/) });
    expect(mine?.attemptCount).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(mine)).not.toMatch(/PIN is/);

    const tenant = await onboardTenant();
    const refused = await graphql(`{ smsMessages { edges { node { id } } } }`, {}, { token: tenant.token });
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
