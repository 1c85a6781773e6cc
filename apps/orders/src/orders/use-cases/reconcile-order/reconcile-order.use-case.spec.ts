import { Rpc } from '@airtime/contracts';
import { orderRow, outcome, seedOrder, startOrdersService, transferFor } from '../../../testing/start-orders-service.js';
import { ReconcileOrderCommand } from './reconcile-order.command.js';
import { ReconcileOrderUseCase } from './reconcile-order.use-case.js';
import { forEachFile } from '@airtime/platform/testing';

const orders = forEachFile(() => startOrdersService(), (o) => o.peers.reset());
const reconcileOrder = () => orders.app.get(ReconcileOrderUseCase);

const { query, dispatch } = Rpc.providerAdapters;
const { debit, refund } = Rpc.wallet;
const DAY = 86_400;
const reconcile = (order: Awaited<ReturnType<typeof seedOrder>>) => reconcileOrder().execute(new ReconcileOrderCommand({ order }));

describe('reconciling one order', () => {
  it('asks the upstream about an unknown order, with what was sent, and applies a success without refunding', async () => {
    orders.peers.on(query, (p) => outcome(p, 'success', { provider_ref: 'OMG-7' }));
    const order = await seedOrder(orders, 'unknown', { changes: { provider_ref: 'OMG-7' } });

    const result = await reconcile(order);

    expect(result).toMatchObject({ resolved: true, flagged: false, order: { status: 'success', provider_ref: 'OMG-7' } });
    expect(orders.peers.to(query)).toEqual([{
      reference: order.id.replace(/-/g, ''), upstream: 'omega', mode: 'live', provider_ref: 'OMG-7',
      original: expect.objectContaining({ reference: order.id.replace(/-/g, ''), target: '263772279099', amount_minor: '200', currency: 'USD' }),
    }]);
    expect(orders.peers.to(refund)).toEqual([]);
  });

  it('refunds an unknown order the upstream says failed', async () => {
    orders.peers.on(query, (p) => outcome(p, 'failed', { message: 'Not delivered' })).on(refund, (p) => transferFor(p, 'refund'));
    const order = await seedOrder(orders, 'unknown');

    const result = await reconcile(order);

    expect(result).toMatchObject({ resolved: true, order: { status: 'refunded' } });
    expect(orders.peers.to(refund)).toEqual([expect.objectContaining({ idempotency_key: `order:${order.id}:refund`, debit_key: `order:${order.id}:debit` })]);
  });

  it('leaves an order unknown when the upstream still cannot say, and flags it only once it is overdue', async () => {
    orders.peers.on(query, (p) => outcome(p, 'unknown'));
    const young = await seedOrder(orders, 'unknown', { ageSeconds: 60 });
    const old = await seedOrder(orders, 'unknown', { ageSeconds: 2 * DAY });

    expect(await reconcile(young)).toMatchObject({ resolved: false, flagged: false, order: { status: 'unknown' } });
    expect(await reconcile(old)).toMatchObject({ resolved: false, flagged: true, order: { status: 'unknown' } });
    expect((await orderRow(orders.db, young.id)).needs_attention).toBe(false);
    expect((await orderRow(orders.db, old.id)).needs_attention).toBe(true);
    expect(await reconcile(await orderRow(orders.db, old.id))).toMatchObject({ flagged: false });
    expect(orders.peers.to(refund)).toEqual([]);
  });

  it('keeps the order as it was when provider-adapters does not answer the query', async () => {
    const order = await seedOrder(orders, 'dispatching');

    const result = await reconcile(order);

    expect(result).toMatchObject({ resolved: false, flagged: false, order: { status: 'dispatching' } });
    expect(orders.peers.to(query)).toHaveLength(1);
    expect((await orderRow(orders.db, order.id)).status).toBe('dispatching');
  });

  it('advances an order whose debit was never confirmed: debit, then dispatch', async () => {
    orders.peers.on(debit, (p) => transferFor(p)).on(dispatch, (p) => outcome(p, 'success'));
    const order = await seedOrder(orders, 'created');

    const result = await reconcile(order);

    expect(result).toMatchObject({ resolved: true, order: { status: 'success' } });
    expect(orders.peers.to(debit)).toEqual([expect.objectContaining({ idempotency_key: `order:${order.id}:debit` })]);
    expect(orders.peers.to(query)).toEqual([]);
  });

  it('sends an order left `debited` (as orders wrote them before debit and dispatch shared one write)', async () => {
    orders.peers.on(dispatch, (p) => outcome(p, 'success'));
    const order = await seedOrder(orders, 'debited');

    const result = await reconcile(order);

    expect(result).toMatchObject({ resolved: true, order: { status: 'success' } });
    expect(orders.peers.to(dispatch)).toEqual([expect.objectContaining({ reference: order.id.replace(/-/g, '') })]);
    expect(orders.peers.to(debit)).toEqual([]);
  });
});
