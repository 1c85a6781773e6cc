import { type GetProductsRequest, Rpc } from '@airtime/contracts';
import { failureOf, forEachFile } from '@airtime/platform/testing';
import { startOrdersService } from '../../../testing/start-orders-service.js';
import { GetProductsCommand } from './get-products.command.js';
import { GetProductsUseCase } from './get-products.use-case.js';

const orders = forEachFile(() => startOrdersService(), (o) => o.peers.reset());
const get = (ids: number[]) => orders.app.get(GetProductsUseCase).execute(new GetProductsCommand({ ids }));

describe('getting products by id', () => {
  it('answers the ones asked for, withdrawn ones included, and leaves out unknown ids', async () => {
    const found = await get([110, 100, 999_999]);
    expect(found.map((p) => [p.id, p.active])).toEqual([[100, true], [110, false]]);
  });

  it('refuses no ids, too many, and ids no product can have, over NATS', async () => {
    const ask = (ids: unknown) => failureOf(orders.rpc.request(Rpc.orders.getProducts, { ids } as GetProductsRequest));
    for (const ids of [[], Array.from({ length: 201 }, (_, i) => i + 1), [0], [1.5], ['100'], [Number.MAX_SAFE_INTEGER]]) {
      expect((await ask(ids)).code).toBe('VALIDATION_FAILED');
    }
    expect((await orders.rpc.request(Rpc.orders.getProducts, { ids: [111] })).map((p) => p.id)).toEqual([111]);
  });
});
