import { Rpc } from '@airtime/contracts';
import { PlatformError } from '@airtime/platform';
import { econetOrder, eventsOf, outcome, startOrdersService, transferFor } from '../../../testing/start-orders-service.js';
import { CreateOrderCommand } from './create-order.command.js';
import { CreateOrderUseCase } from './create-order.use-case.js';
import { forEachFile, failureOf } from '@airtime/platform/testing';

const orders = forEachFile(() => startOrdersService(), (o) => o.peers.reset());
const createOrder = () => orders.app.get(CreateOrderUseCase);

const { debit } = Rpc.wallet;
const { dispatch } = Rpc.providerAdapters;
const create = (request: ReturnType<typeof econetOrder>, extra: { batchId?: string; waitMs?: number } = {}) =>
  createOrder().execute(new CreateOrderCommand({ request, ...extra }));
const count = async () => Number((await orders.db.query(`SELECT count(*) AS n FROM orders`))[0].n);

describe('creating an order', () => {
  it('stores the order as sold, debits, dispatches and answers with the outcome', async () => {
    orders.peers.on(debit, (p) => transferFor(p)).on(dispatch, (p) => outcome(p, 'success', { provider_ref: 'OMG-1' }));
    const request = econetOrder({ target: '+263 77 227 9099', amount: '2.50', custom_sms: 'Enjoy' });

    const order = await create(request);

    expect(order).toMatchObject({
      agent_reference: request.agent_reference, status: 'success', mode: 'live', product_id: 100, kind: 'airtime', network: 'econet',
      target: '263772279099', currency: 'USD', amount: '2.50', amount_minor: '250', provider_ref: 'OMG-1', custom_sms: 'Enjoy',
    });
    expect(orders.peers.to(debit)).toEqual([expect.objectContaining({ idempotency_key: `order:${order.id}:debit`, amount_minor: '250' })]);
    expect(await eventsOf(orders.db, order.id)).toEqual(['pending', 'success']);
    const [row] = await orders.db.query(`SELECT lease_until FROM orders WHERE id = $1`, [order.id]);
    expect(row.lease_until).toBeNull();
  });

  it('answers a replay with the same order and moves no money again; another body under the reference is refused', async () => {
    orders.peers.on(debit, (p) => transferFor(p)).on(dispatch, (p) => outcome(p, 'success'));
    const request = econetOrder();
    const [first, concurrent] = await Promise.all([create(request), create(request)]);
    const again = await create(request);

    expect(concurrent.id).toBe(first.id);
    expect(again).toEqual(first);
    expect(orders.peers.to(debit)).toHaveLength(1);
    const reused = await failureOf(create({ ...request, amount: '3' }));
    expect(reused).toMatchObject({ code: 'REFERENCE_REUSED', details: { fields: { agent_reference: ['agent_reference was already used for a different order'] } } });
  });

  it("answers 000's Insufficient funds when wallet refuses the debit, with nothing dispatched", async () => {
    orders.peers.on(debit, () => {
      throw new PlatformError('INSUFFICIENT_FUNDS', 'Insufficient funds');
    });
    const request = econetOrder();

    expect(await failureOf(create(request))).toMatchObject({ code: 'INSUFFICIENT_FUNDS', message: 'Insufficient funds' });
    expect(await failureOf(create(request))).toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    expect(orders.peers.to(dispatch)).toEqual([]);
  });

  it('refuses a target, an amount or a product it cannot sell, and stores nothing', async () => {
    const before = await count();
    expect((await failureOf(create(econetOrder({ target: '0712345678' })))).code).toBe('INVALID_TARGET');
    expect((await failureOf(create(econetOrder({ amount: '100.01' })))).code).toBe('AMOUNT_OUT_OF_RANGE');
    expect(await failureOf(create(econetOrder({ product_id: 999 })))).toMatchObject({
      code: 'PRODUCT_NOT_FOUND', details: { fields: { product_id: ['product_id 999 is not an available product'] } },
    });
    expect(await count()).toBe(before);
    expect(orders.peers.requests).toEqual([]);
  });

  it('answers pending after the wait when the outcome takes longer, and files a batch item under its batch', async () => {
    orders.peers.on(debit, (p) => transferFor(p)).on(dispatch, (p) => new Promise((resolve) => setTimeout(() => resolve(outcome(p, 'success')), 1000)));
    const [batch] = await orders.db.query(`INSERT INTO batches (account_id, mode, items, total_count) VALUES (gen_random_uuid(), 'live', '[]', 1) RETURNING id`);

    const order = await create(econetOrder(), { batchId: batch.id, waitMs: 0 });

    expect(order.status).toBe('pending');
    const [row] = await orders.db.query(`SELECT batch_id FROM orders WHERE id = $1`, [order.id]);
    expect(row.batch_id).toBe(batch.id);
  });
});
