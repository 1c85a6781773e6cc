import { Rpc, type UpstreamId } from '@airtime/contracts';
import { eventsOf, orderRow, outcome, seedOrder, startOrdersService, transferFor } from '../../../testing/start-orders-service.js';
import { ApplyOutcomeCommand } from './apply-outcome.command.js';
import { ApplyOutcomeUseCase } from './apply-outcome.use-case.js';
import { forEachFile, failureOf } from '@airtime/platform/testing';

const orders = forEachFile(() => startOrdersService(), (o) => o.peers.reset());

const { refund } = Rpc.wallet;
const referenceOf = (id: string) => id.replace(/-/g, '');
const apply = (reference: string, said: ReturnType<typeof outcome>, upstream: UpstreamId = 'omega') =>
  orders.app.get(ApplyOutcomeUseCase).execute(new ApplyOutcomeCommand({ upstream, reference, outcome: said }));

describe('applying a late outcome', () => {
  it('moves an unknown order to success, and lets it go', async () => {
    const order = await seedOrder(orders, 'unknown');

    const view = await apply(referenceOf(order.id), outcome({ reference: 'ignored' }, 'success', { provider_ref: 'OMG-9' }));

    expect(view).toMatchObject({ id: order.id, status: 'success', provider_ref: 'OMG-9' });
    expect(await orderRow(orders.db, order.id)).toMatchObject({ status: 'success', lease_until: null });
  });

  it('refunds an order in flight that the upstream says failed', async () => {
    orders.peers.on(refund, (p) => transferFor(p, 'refund'));
    const order = await seedOrder(orders, 'dispatching');

    expect((await apply(referenceOf(order.id), outcome({}, 'failed'))).status).toBe('refunded');
    expect(orders.peers.to(refund)).toEqual([expect.objectContaining({ idempotency_key: `order:${order.id}:refund` })]);
  });

  it('leaves an order that has its outcome alone, unless the upstream reverses a success', async () => {
    orders.peers.on(refund, (p) => transferFor(p, 'refund'));
    const order = await seedOrder(orders, 'success');

    expect((await apply(referenceOf(order.id), outcome({}, 'failed', { error_code: 'UPSTREAM_FAILED' }))).status).toBe('success');
    expect(orders.peers.to(refund)).toEqual([]);
    expect((await apply(referenceOf(order.id), outcome({}, 'failed', { error_code: 'REVERSED' }))).status).toBe('reversed');
    expect((await apply(referenceOf(order.id), outcome({}, 'failed', { error_code: 'REVERSED' }))).status).toBe('reversed');
    expect(orders.peers.to(refund)).toHaveLength(1);
    expect(await eventsOf(orders.db, order.id)).toEqual(['pending', 'reversed']);
  });

  it('leaves an order another process is advancing (it holds the lease)', async () => {
    const order = await seedOrder(orders, 'unknown');
    await orders.db.query(`UPDATE orders SET lease_until = now() + interval '1 minute' WHERE id = $1`, [order.id]);

    expect((await apply(referenceOf(order.id), outcome({}, 'success'))).status).toBe('unknown');
    expect((await orderRow(orders.db, order.id)).status).toBe('unknown');
  });

  it("refuses a reference that is no order's, or an order another upstream was sent", async () => {
    const order = await seedOrder(orders, 'unknown');

    expect(await failureOf(apply('not-a-reference', outcome({}, 'success')))).toMatchObject({ code: 'ORDER_NOT_FOUND', message: 'No order with reference not-a-reference' });
    expect((await failureOf(apply(referenceOf(order.id), outcome({}, 'success'), 'tuti'))).code).toBe('ORDER_NOT_FOUND');
    expect((await orderRow(orders.db, order.id)).status).toBe('unknown');
  });

  it('records a callback about an attempt the order moved on from on that attempt, and flags a claimed delivery for an operator', async () => {
    orders.peers.on(refund, (p) => transferFor(p, 'refund'));
    const order = await seedOrder(orders, 'success', { upstream: 'africastalking' });
    const at = new Date().toISOString();
    await orders.db.query(`UPDATE orders SET attempts = $2::jsonb WHERE id = $1`, [order.id, JSON.stringify([
      { upstream: 'estoresms', status: 'failed', error_code: 'INSUFFICIENT_UPSTREAM_BALANCE', upstream_code: 'P009', message: 'Insufficient Balance', provider_ref: null, started_at: at, finished_at: at },
      { upstream: 'africastalking', status: 'success', error_code: null, upstream_code: 'Success', message: null, provider_ref: 'ATPid_1', started_at: at, finished_at: at },
    ])]);

    const failedAgain = await apply(referenceOf(order.id), outcome({}, 'failed', { error_code: 'UPSTREAM_REJECTED', upstream_code: 'Failed' }), 'estoresms');
    expect(failedAgain).toMatchObject({ status: 'success', needs_attention: false });
    expect(failedAgain.attempts[0]).toMatchObject({ upstream: 'estoresms', status: 'failed', upstream_code: 'Failed' });

    const contradicted = await apply(referenceOf(order.id), outcome({}, 'success', { provider_ref: 'api_1', upstream_code: 'Approved' }), 'estoresms');
    expect(contradicted).toMatchObject({ status: 'success', needs_attention: true, provider_ref: order.provider_ref });
    expect(contradicted.attempts.map((a) => [a.upstream, a.status])).toEqual([['estoresms', 'success'], ['africastalking', 'success']]);
    expect(orders.peers.to(refund)).toEqual([]);
    const listed = await orders.rpc.request(Rpc.orders.listAttention, { limit: 500 });
    expect(listed.map((o) => o.id)).toContain(order.id);

    expect(await failureOf(apply(referenceOf(order.id), outcome({}, 'success'), 'tuti'))).toMatchObject({ code: 'ORDER_NOT_FOUND' });
  });
});
