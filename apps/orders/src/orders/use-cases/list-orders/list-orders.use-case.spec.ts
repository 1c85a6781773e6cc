import { randomUUID } from 'node:crypto';
import { type ListOrdersRequest, type OrderPageView, Rpc } from '@airtime/contracts';
import { BatchStore } from '../../../batches/batch-store.js';
import { seedOrder, startOrdersService } from '../../../testing/start-orders-service.js';
import { ListOrdersCommand } from './list-orders.command.js';
import { ListOrdersUseCase } from './list-orders.use-case.js';
import { failureOf, forEachFile } from '@airtime/platform/testing';

const orders = forEachFile(() => startOrdersService(), (o) => o.peers.reset());
const listOrders = () => orders.app.get(ListOrdersUseCase);

const list = (filter: Partial<ListOrdersRequest> & { account_id: string }) => listOrders().execute(new ListOrdersCommand({ filter: { mode: 'live', ...filter } }));

const ids = (page: OrderPageView) => page.edges.map((e) => e.node.id);

describe('listing orders', () => {
  it("pages an account's orders newest first to the end, and back with before to the same pages, and shows no other account's", async () => {
    const accountId = randomUUID();
    const placed = [];
    for (const status of ['success', 'refunded', 'unknown', 'success', 'failed'] as const) placed.push(await seedOrder(orders, status, { accountId }));
    await seedOrder(orders, 'success');
    const [o1, o2, o3, o4, o5] = placed.map((o) => o.id);

    const first = await list({ account_id: accountId, limit: 2 });
    expect(ids(first)).toEqual([o5, o4]);
    expect(first.edges.map((e) => e.cursor)).toEqual([String(placed[4]?.seq), String(placed[3]?.seq)]);
    expect(first).toMatchObject({ has_next_page: true, has_previous_page: false });
    const second = await list({ account_id: accountId, limit: 2, after: first.edges[1]?.cursor });
    expect(ids(second)).toEqual([o3, o2]);
    expect(second).toMatchObject({ has_next_page: true, has_previous_page: true });
    const last = await list({ account_id: accountId, limit: 2, after: second.edges[1]?.cursor });
    expect(ids(last)).toEqual([o1]);
    expect(last).toMatchObject({ has_next_page: false, has_previous_page: true });

    const back = await list({ account_id: accountId, limit: 2, before: last.edges[0]?.cursor });
    expect(back).toEqual(second);
    const start = await list({ account_id: accountId, limit: 2, before: back.edges[0]?.cursor });
    expect(ids(start)).toEqual([o5, o4]);
    expect(start).toMatchObject({ has_next_page: true, has_previous_page: false });

    const between = await list({ account_id: accountId, after: first.edges[0]?.cursor, before: last.edges[0]?.cursor });
    expect(ids(between)).toEqual([o4, o3, o2]);
    expect(ids(await list({ account_id: accountId, mode: 'test' }))).toEqual([]);
  });

  it("lists a batch's orders only, and shows each order's batch", async () => {
    const accountId = randomUUID();
    const batch = await orders.app.get(BatchStore).insert(accountId, 'live', []);
    const inBatch = await seedOrder(orders, 'success', { accountId, changes: { batch_id: batch.id } });
    await seedOrder(orders, 'success', { accountId });

    const page = await list({ account_id: accountId, batch_id: batch.id });
    expect(ids(page)).toEqual([inBatch.id]);
    expect(page.edges[0]?.node.batch_id).toBe(batch.id);
    expect((await list({ account_id: accountId })).edges.map((e) => e.node.batch_id)).toEqual([null, batch.id]);
  });

  it('refuses a cursor it did not give out and a page too large, over NATS', async () => {
    const refused = await failureOf(orders.rpc.request(Rpc.orders.list, { account_id: randomUUID(), mode: 'live', after: 'abc', limit: 201 } as ListOrdersRequest));
    expect(refused.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(refused.details?.['fields'] as object).sort()).toEqual(['after', 'limit']);
  });

  it('filters by the status clients see, which may stand for several internal states', async () => {
    const accountId = randomUUID();
    const seeded = Object.fromEntries(await Promise.all(
      (['created', 'dispatching', 'failed', 'rejected', 'reversing', 'success'] as const).map(async (s) => [s, (await seedOrder(orders, s, { accountId })).id] as const),
    ));
    const withStatus = async (status: ListOrdersRequest['status']) => ids(await list({ account_id: accountId, status })).sort();

    expect(await withStatus('pending')).toEqual([seeded['created'], seeded['dispatching']].sort());
    expect(await withStatus('failed')).toEqual([seeded['failed'], seeded['rejected']].sort());
    expect(await withStatus('reversed')).toEqual([seeded['reversing']]);
    expect(await withStatus('success')).toEqual([seeded['success']]);
  });

  it('filters by network whatever its case, by target and by time', async () => {
    const accountId = randomUUID();
    const order = await seedOrder(orders, 'success', { accountId });

    expect(ids(await list({ account_id: accountId, network: 'ECONET' }))).toEqual([order.id]);
    expect((await list({ account_id: accountId, network: 'netone' })).edges).toEqual([]);
    expect((await list({ account_id: accountId, target: '263772279099' })).edges).toHaveLength(1);
    expect((await list({ account_id: accountId, target: '263772279098' })).edges).toEqual([]);
    expect((await list({ account_id: accountId, from: new Date(Date.now() + 60_000).toISOString() })).edges).toEqual([]);
    expect((await list({ account_id: accountId, to: new Date(Date.now() + 60_000).toISOString() })).edges).toHaveLength(1);
  });
});
