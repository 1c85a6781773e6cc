import { randomUUID } from 'node:crypto';
import { type BatchPageView, type ListBatchesRequest, Rpc } from '@airtime/contracts';
import { failureOf, forEachFile } from '@airtime/platform/testing';
import { seedOrder, startOrdersService } from '../../../testing/start-orders-service.js';
import { BatchStore } from '../../batch-store.js';
import { ListBatchesCommand } from './list-batches.command.js';
import { ListBatchesUseCase } from './list-batches.use-case.js';

const orders = forEachFile(() => startOrdersService(), (o) => o.peers.reset());
const list = (request: Partial<ListBatchesRequest> & { account_id: string }) =>
  orders.app.get(ListBatchesUseCase).execute(new ListBatchesCommand({ request: { mode: 'live', ...request } }));
const ids = (page: BatchPageView) => page.edges.map((e) => e.node.batch_id);
const item = () => ({ product_id: 100, target: '0772279099', amount: '2', agent_reference: `ref-${randomUUID()}` });

describe('listing batches', () => {
  it("pages an account's batches newest first to the end and back, with their counts, and no one else's", async () => {
    const accountId = randomUUID();
    const store = orders.app.get(BatchStore);
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await store.insert(accountId, 'live', [item()]));
    await seedOrder(orders, 'success', { accountId, changes: { batch_id: made[4]?.id } });
    await store.insert(randomUUID(), 'live', [item()]);
    await store.insert(accountId, 'test', [item()]);
    const [b1, b2, b3, b4, b5] = made.map((b) => b.id);

    const first = await list({ account_id: accountId, limit: 2 });
    expect(ids(first)).toEqual([b5, b4]);
    expect(first.edges[0]?.node).toMatchObject({ mode: 'live', status: 'completed', counts: { success: 1 } });
    expect(first.edges[1]?.node).toMatchObject({ status: 'processing', counts: {} });
    expect(first.edges.every((e) => /^\d+$/.test(e.cursor))).toBe(true);
    expect(first).toMatchObject({ has_next_page: true, has_previous_page: false });
    const second = await list({ account_id: accountId, limit: 2, after: first.edges[1]?.cursor });
    expect(ids(second)).toEqual([b3, b2]);
    const last = await list({ account_id: accountId, limit: 2, after: second.edges[1]?.cursor });
    expect(ids(last)).toEqual([b1]);
    expect(last).toMatchObject({ has_next_page: false, has_previous_page: true });

    expect(await list({ account_id: accountId, limit: 2, before: last.edges[0]?.cursor })).toEqual(second);
    expect(ids(await list({ account_id: accountId, limit: 2, before: second.edges[0]?.cursor }))).toEqual([b5, b4]);
    expect(ids(await list({ account_id: accountId, mode: 'test' }))).toHaveLength(1);
  });

  it('refuses a cursor it did not give out, over NATS', async () => {
    const refused = await failureOf(orders.rpc.request(Rpc.orders.listBatches, { account_id: randomUUID(), mode: 'live', before: randomUUID() }));
    expect(refused.code).toBe('VALIDATION_FAILED');
  });
});
