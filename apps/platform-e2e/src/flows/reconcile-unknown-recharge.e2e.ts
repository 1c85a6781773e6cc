import { balanceOf, fundedShop, placeOrder, settledOrder } from '../support/orders.js';
import { onboardTenant } from '../support/tenants.js';

describe('the reconciler resolves unknown recharges', () => {
  it('resolves a timeout the upstream delivered (…0003) to success, without refunding', async () => {
    const shop = await fundedShop(await onboardTenant());
    const placed = await placeOrder(shop.key, { product_id: 100, target: '0772220003', amount: 2 });
    expect(['unknown', 'pending']).toContain(placed.body.status);
    expect(await balanceOf(shop.key)).toBe('9800');
    const order = await settledOrder(shop.key, placed.body.agent_reference, 30_000);
    expect(order.status).toBe('success');
    expect(await balanceOf(shop.key)).toBe('9800');
  });

  it('resolves a timeout the upstream did not deliver (…0004) to refunded', async () => {
    const shop = await fundedShop(await onboardTenant());
    const placed = await placeOrder(shop.key, { product_id: 100, target: '0772220004', amount: 2 });
    expect(['unknown', 'pending']).toContain(placed.body.status);
    const order = await settledOrder(shop.key, placed.body.agent_reference, 30_000);
    expect(order.status).toBe('refunded');
    expect(await balanceOf(shop.key)).toBe('10000');
  });
});
