import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { print } from 'graphql';
import { LedgerWithOrdersDocument, OrdersPageDocument, type OrdersPageQuery, type OrdersPageQueryVariables, RefetchOrdersDocument } from '../graphql/generated/operations.js';
import { e2eState } from '../support/e2e-state.js';
import { fundedShop, placeOrder, type Shop } from '../support/orders.js';
import { graphql, http } from '../support/platform-client.js';
import { onboardTenant } from '../support/tenants.js';

type OrderEdge = NonNullable<OrdersPageQuery['viewer']['account']['orders']['edges'][number]>;

/**
 * The NATS requests the platform sends for one HTTP request, told apart from every other test's by
 * the request id the gateway carries into each of them.
 */
async function natsRequestsFor<T>(nc: NatsConnection, send: (requestId: string) => Promise<T>): Promise<{ result: T; subjects: string[] }> {
  const { subjectPrefix } = e2eState();
  const requestId = randomUUID();
  const subjects: string[] = [];
  const subscription = nc.subscribe(`${subjectPrefix}>`, {
    callback: (_error, message) => {
      if (message.headers?.get('x-request-id') === requestId) subjects.push(message.subject.slice(subjectPrefix.length));
    },
  });
  await nc.flush();
  try {
    const result = await send(requestId);
    await nc.flush();
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { result, subjects };
  } finally {
    subscription.unsubscribe();
  }
}

async function ordersPage(shop: Shop, variables: OrdersPageQueryVariables, requestId?: string) {
  const { status, body } = await http('POST', '/graphql', {
    apiKey: shop.key,
    headers: requestId ? { 'x-request-id': requestId } : {},
    body: { query: print(OrdersPageDocument), variables },
  });
  expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
  return (body.data as OrdersPageQuery).viewer.account.orders;
}

describe('a dashboard renders its orders page from the graph in one request', () => {
  let nc: NatsConnection;
  let shop: Shop;
  const placed: string[] = [];

  beforeAll(async () => {
    nc = await connect({ servers: process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222' });
    const tenant = await onboardTenant();
    shop = await fundedShop(tenant, '20000');
    // Orders over two products, and three more made by a 000 batch, so that links go to several objects.
    for (let i = 0; i < 12; i++) {
      const order = await placeOrder(shop.key, i % 3 === 0 ? { product_id: 101, target: '0712345678', amount: 1 } : { product_id: 100, target: '0772279099', amount: 1 });
      expect(order.status).toBeLessThan(300);
      placed.unshift(order.body.agent_reference);
    }
    const recharges = Array.from({ length: 3 }, () => ({ phone: '+263772279099', amount: 100, currency: 'USD', reference: `page-${randomUUID()}` }));
    const batch = await http('POST', '/api/v1/recharges/airtime/batch', { token: tenant.token, body: { recharges } });
    expect(batch.status).toBeLessThan(300);
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const progress = await http('GET', `/api/v1/recharges/airtime/batch/${batch.body.data.batch_id}`, { token: tenant.token });
      if (progress.body.data.status === 'completed') break;
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 120_000);

  afterAll(async () => {
    await nc?.close();
  });

  it('renders account, wallets and 15 orders with their products and batches in a bounded number of NATS requests', async () => {
    const { result: orders, subjects } = await natsRequestsFor(nc, (requestId) => ordersPage(shop, { first: 50 }, requestId));
    expect(orders.edges).toHaveLength(15);
    expect(orders.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    const nodes = orders.edges.map((edge) => edge!.node);
    expect(new Set(nodes.map((n) => n.product?.network))).toEqual(new Set(['econet', 'netone']));
    const batched = nodes.filter((n) => n.batch);
    expect(batched).toHaveLength(3);
    expect(new Set(batched.map((n) => n.batch!.id)).size).toBe(1);
    expect(batched[0]!.batch!.totalCount).toBe(3);
    expect(nodes.slice(3).map((n) => n.agentReference)).toEqual(placed);
    for (const node of nodes) expect(node.ledgerEntries.edges.map((e) => e!.node)).toEqual([{ kind: 'debit', amountMinor: expect.stringMatching(/^-\d+$/) }]);

    // One lookup per kind of link, however many orders the page holds: not 15 product requests and 3 batch ones.
    const count = (subject: string) => subjects.filter((s) => s === subject).length;
    expect(count('orders.products.get-many')).toBe(1);
    expect(count('orders.batches.get-many')).toBe(1);
    expect(count('orders.orders.list')).toBe(1);
    expect(count('wallet.ledger.of-orders')).toBe(1);
    expect(subjects.length).toBeLessThanOrEqual(7);
  });

  it('pages forwards to the end and back again over the same orders', async () => {
    const all = (await ordersPage(shop, { first: 50 })).edges.map((e) => e!.node.id);
    const forwards: OrderEdge[][] = [];
    let after: string | null | undefined;
    for (;;) {
      const page = await ordersPage(shop, { first: 4, ...(after ? { after } : {}) });
      forwards.push(page.edges as OrderEdge[]);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== undefined);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(forwards.map((p) => p.length)).toEqual([4, 4, 4, 3]);
    expect(forwards.flat().map((e) => e.node.id)).toEqual(all);

    const backwards: OrderEdge[][] = [];
    let before = forwards.at(-1)![0]!.cursor;
    for (;;) {
      const page = await ordersPage(shop, { last: 4, before });
      backwards.unshift(page.edges as OrderEdge[]);
      expect(page.pageInfo.hasNextPage).toBe(true);
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor!;
    }
    expect([...backwards.flat(), ...forwards.at(-1)!].map((e) => e.node.id)).toEqual(all);
  });

  it('refetches orders by global id, and follows the ledger to its orders in one lookup', async () => {
    const orders = (await ordersPage(shop, { first: 5 })).edges.map((e) => e!.node);
    const refetched = await graphql(RefetchOrdersDocument, { ids: [...orders.map((o) => o.id), 'bm90LWFuLWlk'] }, { apiKey: shop.key });
    expect(refetched.data?.nodes).toEqual([...orders.map((o) => ({ id: o.id, agentReference: o.agentReference, status: o.status })), null]);

    const { result, subjects } = await natsRequestsFor(nc, async (requestId) =>
      http('POST', '/graphql', { apiKey: shop.key, headers: { 'x-request-id': requestId }, body: { query: print(LedgerWithOrdersDocument) } }),
    );
    const debits = result.body.data.viewer.account.ledger.edges.map((e: { node: { order: { agentReference: string } | null } }) => e.node.order?.agentReference);
    // Every debit leads to the order it paid for: fifteen different orders, the twelve placed among them.
    expect(debits).toHaveLength(15);
    expect(new Set(debits).size).toBe(15);
    for (const agentReference of placed) expect(debits).toContain(agentReference);
    expect(subjects.filter((s) => s === 'orders.orders.get-many')).toHaveLength(1);
    expect(subjects.filter((s) => s === 'orders.products.get-many')).toHaveLength(1);
  });

  it("answers null for another account's orders, by global id as by any other way", async () => {
    const stranger = await fundedShop(await onboardTenant());
    const orders = (await ordersPage(shop, { first: 2 })).edges.map((e) => e!.node.id);
    const refetched = await graphql(RefetchOrdersDocument, { ids: orders }, { apiKey: stranger.key });
    expect(refetched.errors).toBeUndefined();
    expect(refetched.data?.nodes).toEqual([null, null]);
  });
});
