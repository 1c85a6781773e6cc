import { http } from '../support/platform-client.js';
import { balanceOf, fundedShop, placeOrder, settledOrder } from '../support/orders.js';
import { onboardTenant } from '../support/tenants.js';

describe('a failed recharge is refunded exactly', () => {
  it('refunds a number the upstream rejects (test number …0001), restoring the balance to the cent', async () => {
    const shop = await fundedShop(await onboardTenant(), '1234');
    const placed = await placeOrder(shop.key, { product_id: 100, target: '0772220001', amount: 3.21 });
    const order = placed.body.status === 'refunded' ? placed.body : await settledOrder(shop.key, placed.body.agent_reference);
    expect(order).toMatchObject({ status: 'refunded', error_code: expect.any(String) });
    expect(order.message).toBeTruthy();
    expect(await balanceOf(shop.key)).toBe('1234');

    const ledger = await http('GET', `/api/v1/wallet/ledger?order_id=${order.id}`, { apiKey: shop.key });
    expect(ledger.body.data.entries.map((e: { kind: string; amount_minor: string }) => [e.kind, e.amount_minor])).toEqual([
      ['refund', '321'],
      ['debit', '-321'],
    ]);
  });
});
