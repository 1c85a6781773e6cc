import { graphql } from '../support/platform-client.js';
import { fundedShop, reference } from '../support/orders.js';
import { onboardTenant } from '../support/tenants.js';

describe('GraphQL: products and orders', () => {
  it('lists products, sends a recharge, and finds it by reference and in the filtered connection', async () => {
    const shop = await fundedShop(await onboardTenant());
    const products = await graphql(`{ products(filter: { country: "KE" }) { id network kind currency } }`, {}, { apiKey: shop.key });
    expect(products.data.products.map((p: { network: string }) => p.network).sort()).toEqual(['airtel', 'safaricom']);

    const agentReference = reference();
    const sent = await graphql(
      `mutation($input: SendRechargeInput!) { sendRecharge(input: $input) { id status amount target providerRef } }`,
      { input: { productId: 100, target: '0772279099', amount: '2.50', agentReference } },
      { apiKey: shop.key },
    );
    expect(sent.errors).toBeUndefined();
    expect(sent.data.sendRecharge).toMatchObject({ status: 'success', amount: '2.50', target: '263772279099' });

    const found = await graphql(`query($r: String!) { order(agentReference: $r) { id status } }`, { r: agentReference }, { apiKey: shop.key });
    expect(found.data.order).toEqual({ id: sent.data.sendRecharge.id, status: 'success' });

    const listed = await graphql(
      `{ orders(filter: { status: "success", network: "econet", target: "263772279099" }) { edges { node { id } } pageInfo { hasNextPage } } }`,
      {},
      { apiKey: shop.key },
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data.orders.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([sent.data.sendRecharge.id]);

    const poor = await graphql(
      `mutation($input: SendRechargeInput!) { sendRecharge(input: $input) { id } }`,
      { input: { productId: 100, target: '0772279099', amount: '99', agentReference: reference() } },
      { apiKey: shop.key },
    );
    expect(poor.errors?.[0]).toMatchObject({ message: 'Insufficient funds', extensions: { code: 'INSUFFICIENT_FUNDS' } });
  });
});

describe('GraphQL: operators manage the catalogue', () => {
  it('lets an operator withdraw and restore a product, and no one else', async () => {
    const { operatorToken } = await import('../support/operator.js');
    const mutation = `mutation($input: UpsertProductInput!) { upsertProduct(input: $input) { id active minAmount maxAmount } }`;
    const input = { id: 9100, name: 'Test Telecel bundle', country: 'ZW', network: 'telecel', kind: 'airtime', currency: 'USD', minMinor: '100', maxMinor: '500', upstream: 'omega', active: true };

    const shop = await fundedShop(await onboardTenant());
    const denied = await graphql(mutation, { input }, { apiKey: shop.key });
    expect(denied.errors?.[0]?.extensions?.['code']).toMatch(/FORBIDDEN|UNAUTHENTICATED/);

    const operator = await operatorToken();
    const created = await graphql(mutation, { input }, { token: operator });
    expect(created.errors).toBeUndefined();
    expect(created.data.upsertProduct).toEqual({ id: 9100, active: true, minAmount: '1.00', maxAmount: '5.00' });

    const withdrawn = await graphql(mutation, { input: { ...input, active: false } }, { token: operator });
    expect(withdrawn.data.upsertProduct.active).toBe(false);
    const order = await graphql(
      `mutation($input: SendRechargeInput!) { sendRecharge(input: $input) { id } }`,
      { input: { productId: 9100, target: '0732279099', amount: '2', agentReference: reference() } },
      { apiKey: shop.key },
    );
    expect(order.errors?.[0]?.extensions?.['code']).toBe('PRODUCT_NOT_FOUND');

    const attention = await graphql(`{ ordersNeedingAttention { id } }`, {}, { token: operator });
    expect(attention.errors).toBeUndefined();
    expect(Array.isArray(attention.data.ordersNeedingAttention)).toBe(true);
  });
});
