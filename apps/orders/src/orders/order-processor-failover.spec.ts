import { randomUUID } from 'node:crypto';
import { type DispatchOutcome, type OrderEvent, Rpc, type UpstreamId } from '@airtime/contracts';
import { failureOf, forEachFile } from '@airtime/platform/testing';
import { RoutingService } from '../routing/routing.service.js';
import { econetOrder, orderRow, outcome, startOrdersService, transferFor } from '../testing/start-orders-service.js';
import { CreateOrderCommand } from './use-cases/create-order/create-order.command.js';
import { CreateOrderUseCase } from './use-cases/create-order/create-order.use-case.js';

// Routes and drains read at every order, so a test's own changes apply to the next order at once.
const orders = forEachFile(() => startOrdersService({ CATALOGUE_CACHE_MS: '0' }), async (o) => {
  o.peers.reset();
  await o.db.query(`DELETE FROM upstream_drains`);
  o.app.get(RoutingService).forget();
});

const { debit, refund } = Rpc.wallet;
const { dispatch } = Rpc.providerAdapters;

/** Nigerian MTN airtime: routed to eStoreSMS first, Africa's Talking second (the seeded route). */
const mtnAirtime = () => econetOrder({ product_id: 310, target: '08031234567', amount: '100' });
const place = (request = mtnAirtime()) => orders.app.get(CreateOrderUseCase).execute(new CreateOrderCommand({ request }));

/** provider-adapters answering per upstream; each upstream's sends are kept. */
function upstreams(answers: Partial<Record<UpstreamId, (p: Record<string, unknown>) => DispatchOutcome>>) {
  orders.peers.on(debit, (p) => transferFor(p)).on(refund, (p) => transferFor(p, 'refund')).on(dispatch, (p) => {
    const answer = answers[p['upstream'] as UpstreamId];
    if (!answer) throw new Error(`sent to ${String(p['upstream'])}, which the test did not expect`);
    return answer(p);
  });
}
const sentTo = () => orders.peers.to(dispatch).map((p) => p['upstream']);
const insufficient = (p: Record<string, unknown>) => outcome(p, 'failed', { error_code: 'INSUFFICIENT_UPSTREAM_BALANCE', upstream_code: 'P009', message: 'Insufficient Balance' });

async function events(orderId: string): Promise<OrderEvent[]> {
  return ((await orders.db.query(`SELECT payload FROM order_events WHERE order_id = $1 ORDER BY id`, [orderId])) as { payload: OrderEvent }[]).map((e) => e.payload);
}

describe('routing with failover (real PostgreSQL and NATS, fake wallet and provider-adapters)', () => {
  it('sends the order on to the next upstream when the first has certainly not delivered, debited once, both attempts kept', async () => {
    upstreams({ estoresms: insufficient, africastalking: (p) => outcome(p, 'success', { provider_ref: 'ATPid_1', upstream_code: 'Success' }) });

    const order = await place();

    expect(order).toMatchObject({ status: 'success', provider_ref: 'ATPid_1' });
    expect(sentTo()).toEqual(['estoresms', 'africastalking']);
    const [first, second] = orders.peers.to(dispatch);
    expect(second?.['reference']).toBe(first?.['reference']);
    expect(orders.peers.to(debit)).toHaveLength(1);
    expect(orders.peers.to(refund)).toEqual([]);
    expect(order.attempts).toEqual([
      expect.objectContaining({ upstream: 'estoresms', status: 'failed', error_code: 'INSUFFICIENT_UPSTREAM_BALANCE', upstream_code: 'P009' }),
      expect.objectContaining({ upstream: 'africastalking', status: 'success', error_code: null, provider_ref: 'ATPid_1' }),
    ]);
    expect((await orderRow(orders.db, order.id)).upstream).toBe('africastalking');
    const published = await events(order.id);
    expect(published.map((e) => e.order.status)).toEqual(['pending', 'success']);
    expect(published[1]?.order.attempts.map((a) => [a.upstream, a.status])).toEqual([['estoresms', 'failed'], ['africastalking', 'success']]);
  });

  it('never moves on from an unknown answer: the order waits for the reconciler with its one attempt', async () => {
    upstreams({ estoresms: (p) => outcome(p, 'unknown', { message: 'eStoreSMS did not answer in time' }) });

    const order = await place();

    expect(order.status).toBe('unknown');
    expect(sentTo()).toEqual(['estoresms']);
    expect(order.attempts).toEqual([expect.objectContaining({ upstream: 'estoresms', status: 'unknown', finished_at: null })]);
    expect(orders.peers.to(refund)).toEqual([]);
  });

  it('does not move on from a failure about the order itself, and refunds it', async () => {
    upstreams({ estoresms: (p) => outcome(p, 'failed', { error_code: 'INVALID_TARGET', upstream_code: 'P007', message: 'Invalid phone number' }) });

    const order = await place();

    expect(order).toMatchObject({ status: 'refunded', error_code: 'INVALID_TARGET' });
    expect(sentTo()).toEqual(['estoresms']);
    expect(orders.peers.to(refund)).toHaveLength(1);
  });

  it('refunds once when every upstream of the route has certainly failed', async () => {
    upstreams({ estoresms: insufficient, africastalking: (p) => outcome(p, 'failed', { error_code: 'UPSTREAM_UNAVAILABLE', message: 'circuit open; nothing was sent' }) });

    const order = await place();

    expect(order).toMatchObject({ status: 'refunded', error_code: 'UPSTREAM_UNAVAILABLE' });
    expect(sentTo()).toEqual(['estoresms', 'africastalking']);
    expect(order.attempts.map((a) => a.status)).toEqual(['failed', 'failed']);
    expect(orders.peers.to(refund)).toEqual([expect.objectContaining({ idempotency_key: `order:${order.id}:refund` })]);
  });

  it('sends nothing to a drained upstream, first or next, and refuses a new order with nowhere to go before charging it', async () => {
    const drain = (upstream: UpstreamId, drained = true) =>
      orders.rpc.request(Rpc.orders.setUpstreamDrained, { upstream, mode: 'live', drained, reason: 'float top-up', actor: 'ops-1' });
    upstreams({ estoresms: insufficient, africastalking: (p) => outcome(p, 'success') });

    expect(await drain('estoresms')).toEqual([expect.objectContaining({ upstream: 'estoresms', mode: 'live', reason: 'float top-up', drained_by: 'ops-1' })]);
    expect((await place()).attempts.map((a) => a.upstream)).toEqual(['africastalking']);

    await drain('estoresms', false);
    await drain('africastalking');
    const refunded = await place();
    expect(refunded.status).toBe('refunded');
    expect(refunded.attempts.map((a) => a.upstream)).toEqual(['estoresms']);

    await drain('estoresms');
    orders.peers.reset();
    const refused = await failureOf(place());
    expect(refused).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(orders.peers.to(debit)).toEqual([]);
    // A test order may still go: the drains were of live mode only.
    upstreams({ estoresms: (p) => outcome(p, 'success') });
    expect((await place(econetOrder({ product_id: 310, target: '08031234567', amount: '100', mode: 'test' }))).status).toBe('success');
  });

  it('follows a route an operator sets, cheapest first within a priority, and keeps test orders off entries closed to test mode', async () => {
    const route = await orders.rpc.request(Rpc.orders.setRoute, {
      country: 'NG', network: 'mtn', kind: 'airtime', actor: 'ops-1',
      entries: [
        { upstream: 'estoresms', priority: 1, cost_bps: 9800, cost_currency: 'NGN', test_mode: true },
        { upstream: 'africastalking', priority: 1, cost_bps: 9600, cost_currency: 'USD', test_mode: false },
      ],
    });
    try {
      expect(route.entries.map((e) => e.upstream)).toEqual(['africastalking', 'estoresms']);
      upstreams({ estoresms: (p) => outcome(p, 'success'), africastalking: (p) => outcome(p, 'success') });
      expect((await place()).attempts.map((a) => a.upstream)).toEqual(['africastalking']);
      expect((await place(econetOrder({ product_id: 310, target: '08031234567', amount: '100', mode: 'test', agent_reference: `t-${randomUUID()}` }))).attempts.map((a) => a.upstream)).toEqual(['estoresms']);
      const repeated = await failureOf(orders.rpc.request(Rpc.orders.setRoute, {
        country: 'NG', network: 'mtn', kind: 'airtime', actor: 'ops-1',
        entries: [{ upstream: 'estoresms', priority: 1, test_mode: true }, { upstream: 'estoresms', priority: 2, test_mode: true }],
      }));
      expect(repeated).toMatchObject({ code: 'VALIDATION_FAILED' });
    } finally {
      await orders.rpc.request(Rpc.orders.setRoute, {
        country: 'NG', network: 'mtn', kind: 'airtime', actor: 'ops-1',
        entries: [{ upstream: 'estoresms', priority: 10, cost_bps: 9800, cost_currency: 'NGN', test_mode: true }, { upstream: 'africastalking', priority: 20, test_mode: true }],
      });
    }
  });
});
