import { randomUUID } from 'node:crypto';
import { type GetBatchesRequest, Rpc } from '@airtime/contracts';
import { failureOf, forEachFile } from '@airtime/platform/testing';
import { seedOrder, startOrdersService } from '../../../testing/start-orders-service.js';
import { BatchStore } from '../../batch-store.js';
import { GetBatchesCommand } from './get-batches.command.js';
import { GetBatchesUseCase } from './get-batches.use-case.js';

const orders = forEachFile(() => startOrdersService(), (o) => o.peers.reset());
const get = (accountId: string, ids: string[], mode: 'live' | 'test' = 'live') =>
  orders.app.get(GetBatchesUseCase).execute(new GetBatchesCommand({ accountId, mode, ids }));
const item = () => ({ product_id: 100, target: '0772279099', amount: '2', agent_reference: `ref-${randomUUID()}` });

/** A batch of `size` items whose orders rest in `statuses` (the rest not made yet), `refused` items refused. */
async function seedBatch(accountId: string, size: number, statuses: Parameters<typeof seedOrder>[1][], refused = 0, mode: 'live' | 'test' = 'live') {
  const batch = await orders.app.get(BatchStore).insert(accountId, mode, Array.from({ length: size }, item));
  for (const status of statuses) await seedOrder(orders, status, { accountId, changes: { batch_id: batch.id, mode } });
  for (let i = 0; i < refused; i++) await orders.app.get(BatchStore).countRefused(batch.id);
  return batch;
}

describe('getting batches by id', () => {
  it("counts each batch's orders as getBatch does, in one grouped query, and leaves out others' batches", async () => {
    const accountId = randomUUID();
    const done = await seedBatch(accountId, 3, ['success', 'rejected'], 1);
    const running = await seedBatch(accountId, 3, ['dispatching', 'failed', 'success']);
    const empty = await seedBatch(accountId, 2, []);
    const theirs = await seedBatch(randomUUID(), 1, ['success']);
    const sandbox = await seedBatch(accountId, 1, ['success'], 0, 'test');

    const found = await get(accountId, [done.id, running.id, empty.id, theirs.id, sandbox.id, randomUUID()]);
    const byId = Object.fromEntries(found.map((b) => [b.batch_id, b]));
    expect(Object.keys(byId).sort()).toEqual([done.id, running.id, empty.id].sort());
    expect(byId[done.id]).toEqual({ batch_id: done.id, mode: 'live', total_count: 3, status: 'completed', counts: { success: 1, failed: 1, refused: 1 }, created_at: expect.any(String) });
    expect(byId[running.id]).toMatchObject({ status: 'processing', counts: { pending: 2, success: 1 } });
    expect(byId[empty.id]).toMatchObject({ status: 'processing', counts: {} });
    for (const batch of [done, running]) {
      expect(await orders.rpc.request(Rpc.orders.getBatch, { account_id: accountId, batch_id: batch.id })).toEqual(byId[batch.id]);
    }
    expect((await get(accountId, [sandbox.id], 'test')).map((b) => [b.batch_id, b.mode])).toEqual([[sandbox.id, 'test']]);
  });

  it('refuses no ids, too many, and ids that are not uuids, over NATS', async () => {
    const ask = (ids: unknown) => failureOf(orders.rpc.request(Rpc.orders.getBatches, { account_id: randomUUID(), mode: 'live', ids } as GetBatchesRequest));
    for (const ids of [[], Array.from({ length: 201 }, () => randomUUID()), ['42']]) {
      expect((await ask(ids)).code).toBe('VALIDATION_FAILED');
    }
  });
});
