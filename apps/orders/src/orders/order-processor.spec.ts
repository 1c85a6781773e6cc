import { Rpc } from '@airtime/contracts';
import { PlatformError } from '@airtime/platform';
import { eventsOf, orderRow, outcome, seedOrder, startOrdersService, transferFor } from '../testing/start-orders-service.js';
import { OrderProcessor } from './order-processor.js';
import { forEachFile } from '@airtime/platform/testing';

const orders = forEachFile(() => startOrdersService(), (o) => o.peers.reset());
const processor = () => orders.app.get(OrderProcessor);

const { debit, refund } = Rpc.wallet;
const { dispatch } = Rpc.providerAdapters;
const refused = (code: string, message: string) => () => {
  throw new PlatformError(code as never, message);
};

describe('the order processor (real PostgreSQL and NATS, fake wallet and provider-adapters)', () => {
  it('debits keyed by the order, dispatches what was sold, and records the success once', async () => {
    orders.peers.on(debit, (p) => transferFor(p)).on(dispatch, (p) => outcome(p, 'success', { provider_ref: 'OMG-1', message: 'Delivered' }));
    const order = await seedOrder(orders, 'created');

    const after = await processor().advance(order);

    expect(after).toMatchObject({ status: 'success', provider_ref: 'OMG-1', message: 'Delivered' });
    expect(orders.peers.to(debit)).toEqual([expect.objectContaining({
      idempotency_key: `order:${order.id}:debit`, account_id: order.account_id, mode: 'live', currency: 'USD', amount_minor: '200', order_id: order.id,
    })]);
    expect(orders.peers.to(dispatch)).toEqual([expect.objectContaining({
      reference: order.id.replace(/-/g, ''), upstream: 'omega', kind: 'airtime', network: 'econet', target: '263772279099', amount_minor: '200',
    })]);
    expect(orders.peers.to(refund)).toEqual([]);
    expect(await eventsOf(orders.db, order.id)).toEqual(['pending', 'success']);
  });

  it('rejects the order when wallet refuses the debit, and dispatches nothing', async () => {
    orders.peers.on(debit, refused('INSUFFICIENT_FUNDS', 'Insufficient funds'));
    const order = await seedOrder(orders, 'created');

    const after = await processor().advance(order);

    expect(after).toMatchObject({ status: 'rejected', error_code: 'INSUFFICIENT_FUNDS', message: 'Insufficient funds' });
    expect(orders.peers.to(dispatch)).toEqual([]);
    expect(await eventsOf(orders.db, order.id)).toEqual(['pending', 'failed']);
  });

  it('leaves the order created when the debit is not confirmed, for the reconciler', async () => {
    const order = await seedOrder(orders, 'created');

    const after = await processor().advance(order);

    expect(after.status).toBe('created');
    expect(orders.peers.to(debit)).toHaveLength(1);
    expect(orders.peers.to(dispatch)).toEqual([]);
    expect((await orderRow(orders.db, order.id)).status).toBe('created');
  });

  it('refunds a failed dispatch under the order\'s refund key, naming the debit', async () => {
    orders.peers
      .on(debit, (p) => transferFor(p))
      .on(dispatch, (p) => outcome(p, 'failed', { error_code: 'INVALID_TARGET', message: 'Not a subscriber' }))
      .on(refund, (p) => transferFor(p, 'refund'));
    const order = await seedOrder(orders, 'created');

    const after = await processor().advance(order);

    expect(after).toMatchObject({ status: 'refunded', error_code: 'INVALID_TARGET', message: 'Not a subscriber' });
    expect(orders.peers.to(refund)).toEqual([{
      idempotency_key: `order:${order.id}:refund`, account_id: order.account_id, debit_key: `order:${order.id}:debit`, reason: 'Order failed: Not a subscriber',
    }]);
    expect(await eventsOf(orders.db, order.id)).toEqual(['pending', 'failed', 'refunded']);
  });

  it('calls a dispatch nobody answered unknown, never failed, and refunds nothing', async () => {
    orders.peers.on(debit, (p) => transferFor(p));
    const order = await seedOrder(orders, 'created');

    const after = await processor().advance(order);

    expect(after.status).toBe('unknown');
    expect(after.message).toMatch(/^provider-adapters did not answer/);
    expect(orders.peers.to(refund)).toEqual([]);
  });

  it('keeps a failed order failed until wallet confirms the refund, and takes ALREADY_REFUNDED as confirmed', async () => {
    const order = await seedOrder(orders, 'failed', { changes: { error_code: 'UPSTREAM_FAILED', message: 'down' } });

    expect((await processor().advance(order)).status).toBe('failed');
    orders.peers.on(refund, refused('ALREADY_REFUNDED', 'This debit has already been refunded'));
    expect((await processor().advance(order)).status).toBe('refunded');
    expect(orders.peers.to(refund).map((r) => r['idempotency_key'])).toEqual([`order:${order.id}:refund`, `order:${order.id}:refund`]);
  });

  it('reverses a success once, through the same refund key', async () => {
    orders.peers.on(refund, (p) => transferFor(p, 'refund'));
    const order = await seedOrder(orders, 'success');

    const after = await processor().reverse(order, outcome({ reference: 'x' }, 'failed', { error_code: 'REVERSED', message: 'Reversed by operator' }));
    const again = await processor().reverse(after, outcome({ reference: 'x' }, 'failed', { error_code: 'REVERSED' }));

    expect(after).toMatchObject({ status: 'reversed', error_code: 'REVERSED', message: 'Reversed by operator' });
    expect(again.status).toBe('reversed');
    expect(orders.peers.to(refund)).toEqual([expect.objectContaining({ idempotency_key: `order:${order.id}:refund`, reason: 'Order reversed: Reversed by operator' })]);
  });

  it('applies an outcome only to an order still in the state it expects', async () => {
    const order = await seedOrder(orders, 'refunded');

    const after = await processor().applyOutcome(order, outcome({ reference: 'x' }, 'success'), ['unknown']);

    expect(after.status).toBe('refunded');
    expect((await orderRow(orders.db, order.id)).status).toBe('refunded');
  });
});
