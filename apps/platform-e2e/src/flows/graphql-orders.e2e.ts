import { graphql } from '../support/platform-client.js';
import { fundedShop, reference } from '../support/orders.js';
import { onboardTenant } from '../support/tenants.js';

describe('GraphQL: products and orders', () => {
  it('lists products, sends a recharge, and finds it by reference and in the filtered connection', async () => {
    const shop = await fundedShop(await onboardTenant());
    // The first query anyone writes needs no argument.
    const all = await graphql(`{ products { edges { node { id productId name } } pageInfo { hasNextPage } } }`, {}, { apiKey: shop.key });
    expect(all.errors).toBeUndefined();
    expect(all.data.products.edges.length).toBeGreaterThan(0);
    const products = await graphql(`{ products(country: "KE") { edges { node { network kind currency } } } }`, {}, { apiKey: shop.key });
    expect(products.data.products.edges.map((e: { node: { network: string } }) => e.node.network).sort()).toEqual(['airtel', 'safaricom']);

    const agentReference = reference();
    const sent = await graphql(
      `mutation($input: SendRechargeInput!) { sendRecharge(input: $input) { order { id status amount target providerRef product { productId } } } }`,
      { input: { productId: 100, target: '0772279099', amount: '2.50', agentReference } },
      { apiKey: shop.key },
    );
    expect(sent.errors).toBeUndefined();
    const sentOrder = sent.data.sendRecharge.order;
    expect(sentOrder).toMatchObject({ status: 'success', amount: '2.50', target: '263772279099', product: { productId: 100 } });

    const found = await graphql(`query($r: String!) { viewer { account { order(agentReference: $r) { id status } } } }`, { r: agentReference }, { apiKey: shop.key });
    expect(found.data.viewer.account.order).toEqual({ id: sentOrder.id, status: 'success' });
    const missing = await graphql(`{ viewer { account { order(agentReference: "never-sent") { id } } } }`, {}, { apiKey: shop.key });
    expect(missing.errors).toBeUndefined();
    expect(missing.data.viewer.account.order).toBeNull();

    const listed = await graphql(
      `{ viewer { account { orders(status: "success", network: "econet", target: "263772279099") { edges { node { id } } pageInfo { hasNextPage } } } } }`,
      {},
      { apiKey: shop.key },
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data.viewer.account.orders.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([sentOrder.id]);

    const poor = await graphql(
      `mutation($input: SendRechargeInput!) { sendRecharge(input: $input) { order { id } } }`,
      { input: { productId: 100, target: '0772279099', amount: '99', agentReference: reference() } },
      { apiKey: shop.key },
    );
    expect(poor.errors?.[0]).toMatchObject({ message: 'Insufficient funds', extensions: { code: 'INSUFFICIENT_FUNDS' } });

    // A key sends in its own mode; asking for the other one is refused, never answered in the key's.
    const otherMode = await graphql(
      `mutation($input: SendRechargeInput!) { sendRecharge(input: $input) { order { id } } }`,
      { input: { productId: 100, target: '0772279099', amount: '1', agentReference: reference(), mode: 'test' } },
      { apiKey: shop.key },
    );
    expect(otherMode.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const ownMode = await graphql(
      `mutation($input: SendRechargeInput!) { sendRecharge(input: $input) { order { mode status } } }`,
      { input: { productId: 100, target: '0772279099', amount: '1', agentReference: reference(), mode: 'live' } },
      { apiKey: shop.key },
    );
    expect(ownMode.data?.sendRecharge.order).toEqual({ mode: 'live', status: 'success' });
  });
});

describe('GraphQL: operators manage the catalogue', () => {
  it('lets an operator withdraw and restore a product, and no one else', async () => {
    const { operatorToken } = await import('../support/operator.js');
    const mutation = `mutation($input: UpsertProductInput!) { upsertProduct(input: $input) { product { productId active minAmount maxAmount } } }`;
    const input = { id: 9100, name: 'Test Telecel bundle', country: 'ZW', network: 'telecel', kind: 'airtime', currency: 'USD', minMinor: '100', maxMinor: '500', upstream: 'omega', active: true };

    const shop = await fundedShop(await onboardTenant());
    const denied = await graphql(mutation, { input }, { apiKey: shop.key });
    expect(denied.errors?.[0]?.extensions?.['code']).toMatch(/FORBIDDEN|UNAUTHENTICATED/);

    const operator = await operatorToken();
    const created = await graphql(mutation, { input }, { token: operator });
    expect(created.errors).toBeUndefined();
    expect(created.data.upsertProduct.product).toEqual({ productId: 9100, active: true, minAmount: '1.00', maxAmount: '5.00' });

    const withdrawn = await graphql(mutation, { input: { ...input, active: false } }, { token: operator });
    expect(withdrawn.data.upsertProduct.product.active).toBe(false);
    const order = await graphql(
      `mutation($input: SendRechargeInput!) { sendRecharge(input: $input) { order { id } } }`,
      { input: { productId: 9100, target: '0732279099', amount: '2', agentReference: reference() } },
      { apiKey: shop.key },
    );
    expect(order.errors?.[0]?.extensions?.['code']).toBe('PRODUCT_NOT_FOUND');

    const attention = await graphql(`{ ordersNeedingAttention { edges { node { id } } pageInfo { hasNextPage } } }`, {}, { token: operator });
    expect(attention.errors).toBeUndefined();
    expect(Array.isArray(attention.data.ordersNeedingAttention.edges)).toBe(true);
  });
});
