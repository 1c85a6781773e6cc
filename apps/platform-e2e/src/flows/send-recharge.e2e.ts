import { http } from '../support/platform-client.js';
import { balanceOf, fundedShop, placeOrder, reference } from '../support/orders.js';
import { createApiKey, onboardTenant } from '../support/tenants.js';

describe('POST /api/v1/orders (001)', () => {
  it("sends 001's example recharge exactly as printed and debits the wallet once", async () => {
    const shop = await fundedShop(await onboardTenant());
    const agent_reference = reference('ord_2026-05-07');
    const body = { product_id: 100, target: '0772279099', amount: 5, agent_reference, custom_sms: 'Your monthly comms allowance from ACME.' };

    const { status, body: order } = await http('POST', '/api/v1/orders', { apiKey: shop.key, body });
    expect(status).toBe(200);
    expect(order).toMatchObject({
      agent_reference,
      status: 'success',
      product_id: 100,
      network: 'econet',
      target: '263772279099',
      currency: 'USD',
      amount: '5.00',
      amount_minor: '500',
      custom_sms: 'Your monthly comms allowance from ACME.',
    });
    expect(order.provider_ref).toBeTruthy();
    expect(await balanceOf(shop.key)).toBe('9500');

    const again = await http('POST', '/api/v1/orders', { apiKey: shop.key, body });
    expect(again.body.id).toBe(order.id);
    const fetched = await http('GET', `/api/v1/orders/${agent_reference}`, { apiKey: shop.key });
    expect(fetched.body).toMatchObject({ id: order.id, status: 'success' });
    expect(await balanceOf(shop.key)).toBe('9500');
  });

  it('makes one order and one debit of 50 concurrent identical requests', async () => {
    const shop = await fundedShop(await onboardTenant());
    const body = { product_id: 100, target: '0772279099', amount: 1, agent_reference: reference() };
    const answers = await Promise.all(Array.from({ length: 50 }, () => http('POST', '/api/v1/orders', { apiKey: shop.key, body })));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await balanceOf(shop.key)).toBe('9900');
    const ledger = await http('GET', '/api/v1/wallet/ledger?kind=debit', { apiKey: shop.key });
    expect(ledger.body.data.entries).toHaveLength(1);
  });

  it('refuses the same agent_reference with a different body: 409, nothing debited', async () => {
    const shop = await fundedShop(await onboardTenant());
    const agent_reference = reference();
    await http('POST', '/api/v1/orders', { apiKey: shop.key, body: { product_id: 100, target: '0772279099', amount: 2, agent_reference } });
    const reused = await http('POST', '/api/v1/orders', { apiKey: shop.key, body: { product_id: 100, target: '0772279099', amount: 3, agent_reference } });
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ status: 'error', code: 'REFERENCE_REUSED' });
    expect(await balanceOf(shop.key)).toBe('9800');
  });

  it('answers 422 Insufficient funds or Wallet not found as 000 shows, and dispatches nothing', async () => {
    const shop = await fundedShop(await onboardTenant(), '100');
    const poor = await placeOrder(shop.key, { product_id: 100, target: '0772279099', amount: 5 });
    expect(poor.status).toBe(422);
    expect(poor.body).toEqual({ status: 'error', code: 'INSUFFICIENT_FUNDS', message: 'Insufficient funds', data: null });

    const noWallet = await placeOrder(shop.key, { product_id: 103, target: '0772279099', amount: 10 });
    expect(noWallet.status).toBe(422);
    expect(noWallet.body).toMatchObject({ status: 'error', message: 'Wallet not found', data: null });
    expect(await balanceOf(shop.key)).toBe('100');
  });

  it('validates the product, the target and the amount against the product', async () => {
    const shop = await fundedShop(await onboardTenant());
    const wrongNetwork = await placeOrder(shop.key, { product_id: 101, target: '0772279099', amount: 1 });
    expect(wrongNetwork.status).toBe(422);
    expect(wrongNetwork.body).toMatchObject({ code: 'INVALID_TARGET', data: { fields: { target: [expect.stringMatching(/econet number; product 101 serves netone/)] } } });

    const outOfRange = await placeOrder(shop.key, { product_id: 100, target: '0772279099', amount: 1000 });
    expect(outOfRange.status).toBe(422);
    expect(outOfRange.body.code).toBe('AMOUNT_OUT_OF_RANGE');

    const noProduct = await placeOrder(shop.key, { product_id: 999999, target: '0772279099', amount: 1 });
    expect(noProduct.body.code).toBe('PRODUCT_NOT_FOUND');

    const malformed = await http('POST', '/api/v1/orders', { apiKey: shop.key, body: { product_id: '100', target: 5, amount: -1, extra: true } });
    expect(malformed.status).toBe(400);
    expect(Object.keys(malformed.body.data.fields).sort()).toEqual(['agent_reference', 'amount', 'extra', 'product_id', 'target']);
    expect(await balanceOf(shop.key)).toBe('10000');
  });

  it('lists the catalogue with filters; product 100 is Econet airtime in USD', async () => {
    const { key } = await createApiKey(await onboardTenant());
    const econet = await http('GET', '/api/v1/products?country=ZW&network=econet&kind=airtime&currency=USD', { apiKey: key });
    expect(econet.body).toEqual([
      expect.objectContaining({ id: 100, country: 'ZW', network: 'econet', kind: 'airtime', currency: 'USD', min_amount: '0.10', max_amount: '100.00', upstream: 'omega' }),
    ]);
    const nigeria = await http('GET', '/api/v1/products?country=NG', { apiKey: key });
    const networksOf = (kind: string) => nigeria.body.filter((p: { kind: string }) => p.kind === kind).map((p: { network: string }) => p.network).sort();
    // PINs through eStoreSMS, and airtime routed to eStoreSMS first and Africa's Talking second.
    expect(networksOf('voucher')).toEqual(['9mobile', 'airtel', 'glo', 'mtn']);
    expect(networksOf('airtime')).toEqual(['9mobile', 'airtel', 'glo', 'mtn']);
    expect(nigeria.body).toHaveLength(8);
    expect(nigeria.body[0]).toMatchObject({ kind: 'voucher', min_amount: '50.00', max_amount: '50000.00' });
    expect((await http('GET', '/api/v1/products')).status).toBe(401);
  });

  it("keeps each tenant's orders to itself", async () => {
    const [a, b] = await Promise.all([onboardTenant().then((t) => fundedShop(t)), onboardTenant().then((t) => fundedShop(t))]);
    const placed = await placeOrder(a.key, { product_id: 100, target: '0772279099', amount: 1 });
    const peek = await http('GET', `/api/v1/orders/${placed.body.agent_reference}`, { apiKey: b.key });
    expect(peek.status).toBe(404);
  });
});
