import { fundedShop, reference } from '../support/orders.js';
import { http } from '../support/platform-client.js';
import { onboardTenant } from '../support/tenants.js';

describe('ZESA prepaid electricity', () => {
  it("returns the 20-digit token and the meter's customer with the order", async () => {
    const shop = await fundedShop(await onboardTenant());
    const { status, body } = await http('POST', '/api/v1/orders', {
      apiKey: shop.key,
      body: { product_id: 120, target: '37132660123', amount: 10, agent_reference: reference() },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'success', kind: 'electricity', target: '37132660123', amount_minor: '1000' });
    expect(body.token.replace(/\D/g, '')).toMatch(/^\d{20}$/);
    expect(body.customer_name).toBeTruthy();
  });

  it('refuses a phone number as a meter', async () => {
    const shop = await fundedShop(await onboardTenant());
    const { status, body } = await http('POST', '/api/v1/orders', { apiKey: shop.key, body: { product_id: 120, target: '0772279099', amount: 10, agent_reference: reference() } });
    expect(status).toBe(422);
    expect(body.code).toBe('INVALID_TARGET');
  });
});
