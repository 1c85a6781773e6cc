import { randomUUID } from 'node:crypto';
import type { ListOrdersRequest } from '@airtime/contracts';
import { seedOrder, startOrdersService } from '../../../testing/start-orders-service.js';
import { ListOrdersCommand } from './list-orders.command.js';
import { ListOrdersUseCase } from './list-orders.use-case.js';
import { forEachFile } from '@airtime/platform/testing';

const orders = forEachFile(() => startOrdersService(), (o) => o.peers.reset());
const listOrders = () => orders.app.get(ListOrdersUseCase);

const list = (filter: Partial<ListOrdersRequest> & { account_id: string }) => listOrders().execute(new ListOrdersCommand({ filter: { mode: 'live', ...filter } }));

describe('listing orders', () => {
  it('pages an account\'s orders newest first, and shows no other account\'s', async () => {
    const accountId = randomUUID();
    const placed = [];
    for (const status of ['success', 'refunded', 'unknown'] as const) placed.push(await seedOrder(orders, status, { accountId }));
    await seedOrder(orders, 'success');

    const first = await list({ account_id: accountId, limit: 2 });
    expect(first.orders.map((o) => o.id)).toEqual([placed[2]?.id, placed[1]?.id]);
    expect(first.next_cursor).toBe(String(placed[1]?.seq));
    const second = await list({ account_id: accountId, limit: 2, cursor: first.next_cursor as string });
    expect(second).toEqual({ orders: [expect.objectContaining({ id: placed[0]?.id })], next_cursor: null });
    expect((await list({ account_id: accountId, mode: 'test' })).orders).toEqual([]);
  });

  it('filters by the status clients see, which may stand for several internal states', async () => {
    const accountId = randomUUID();
    const seeded = Object.fromEntries(await Promise.all(
      (['created', 'dispatching', 'failed', 'rejected', 'reversing', 'success'] as const).map(async (s) => [s, (await seedOrder(orders, s, { accountId })).id] as const),
    ));
    const ids = async (status: ListOrdersRequest['status']) => (await list({ account_id: accountId, status })).orders.map((o) => o.id).sort();

    expect(await ids('pending')).toEqual([seeded['created'], seeded['dispatching']].sort());
    expect(await ids('failed')).toEqual([seeded['failed'], seeded['rejected']].sort());
    expect(await ids('reversed')).toEqual([seeded['reversing']]);
    expect(await ids('success')).toEqual([seeded['success']]);
  });

  it('filters by network whatever its case, by target and by time', async () => {
    const accountId = randomUUID();
    const order = await seedOrder(orders, 'success', { accountId });

    expect((await list({ account_id: accountId, network: 'ECONET' })).orders.map((o) => o.id)).toEqual([order.id]);
    expect((await list({ account_id: accountId, network: 'netone' })).orders).toEqual([]);
    expect((await list({ account_id: accountId, target: '263772279099' })).orders).toHaveLength(1);
    expect((await list({ account_id: accountId, target: '263772279098' })).orders).toEqual([]);
    expect((await list({ account_id: accountId, from: new Date(Date.now() + 60_000).toISOString() })).orders).toEqual([]);
    expect((await list({ account_id: accountId, to: new Date(Date.now() + 60_000).toISOString() })).orders).toHaveLength(1);
  });
});
