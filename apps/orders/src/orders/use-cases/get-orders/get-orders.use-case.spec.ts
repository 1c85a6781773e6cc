import { randomUUID } from 'node:crypto';
import { type GetOrdersRequest, Rpc } from '@airtime/contracts';
import { failureOf, forEachFile } from '@airtime/platform/testing';
import { seedOrder, startOrdersService } from '../../../testing/start-orders-service.js';
import { GetOrdersCommand } from './get-orders.command.js';
import { GetOrdersUseCase } from './get-orders.use-case.js';

const orders = forEachFile(() => startOrdersService(), (o) => o.peers.reset());
const get = (accountId: string, ids: string[], mode: 'live' | 'test' = 'live') =>
  orders.app.get(GetOrdersUseCase).execute(new GetOrdersCommand({ accountId, mode, ids }));

describe('getting orders by id', () => {
  it("answers the account's own orders in its mode, and leaves out another account's, the other mode's and unknown ids", async () => {
    const accountId = randomUUID();
    const mine = [await seedOrder(orders, 'success', { accountId }), await seedOrder(orders, 'dispatching', { accountId })];
    const theirs = await seedOrder(orders, 'success');
    const sandbox = await seedOrder(orders, 'success', { accountId, changes: { mode: 'test' } });

    const found = await get(accountId, [mine[0]?.id, theirs.id, sandbox.id, randomUUID(), mine[1]?.id] as string[]);
    expect(found.map((o) => o.id).sort()).toEqual(mine.map((o) => o.id).sort());
    expect(found.find((o) => o.id === mine[1]?.id)).toMatchObject({ status: 'pending', mode: 'live', batch_id: null });
    expect((await get(accountId, [sandbox.id], 'test')).map((o) => o.id)).toEqual([sandbox.id]);
  });

  it('refuses no ids, too many ids and ids that are not uuids, over NATS', async () => {
    const ask = (ids: unknown) => failureOf(orders.rpc.request(Rpc.orders.getMany, { account_id: randomUUID(), mode: 'live', ids } as GetOrdersRequest));
    for (const ids of [[], Array.from({ length: 201 }, () => randomUUID()), ['not-a-uuid']]) {
      expect((await ask(ids)).code).toBe('VALIDATION_FAILED');
    }
    const [order] = [await seedOrder(orders, 'success')];
    const many = [order.id, ...Array.from({ length: 199 }, () => randomUUID())];
    expect((await orders.rpc.request(Rpc.orders.getMany, { account_id: order.account_id, mode: 'live', ids: many })).map((o) => o.id)).toEqual([order.id]);
  });
});
