import { Rpc } from '@airtime/contracts';
import { orderRow, outcome, seedOrder, startOrdersService, transferFor } from '../testing/start-orders-service.js';
import { ReconcilerService } from './reconciler.service.js';
import { forEachFile } from '@airtime/platform/testing';

const orders = forEachFile(() => startOrdersService({ RECONCILE_GRACE_SECONDS: '60' }), (o) => o.peers.reset());
const reconciler = () => orders.app.get(ReconcilerService);
beforeEach(async () => {
  orders.peers.reset();
  // Each test sees only its own orders: earlier ones are made resting.
  await orders.db.query(`UPDATE orders SET status = 'success' WHERE status <> 'success'`);
});

const { query } = Rpc.providerAdapters;

describe('a reconciler run', () => {
  it('takes only orders idle past the grace period and not resting, and lets each go afterwards', async () => {
    orders.peers.on(query, (p) => outcome(p, 'success')).on(Rpc.wallet.refund, (p) => transferFor(p, 'refund'));
    const stale = await seedOrder(orders, 'unknown', { idleSeconds: 120 });
    const failed = await seedOrder(orders, 'failed', { idleSeconds: 120 });
    const fresh = await seedOrder(orders, 'unknown', { idleSeconds: 5 });
    const done = await seedOrder(orders, 'refunded', { idleSeconds: 120 });

    const report = await reconciler().runOnce();

    expect(report).toEqual({ examined: 2, resolved: 2, flagged: 0 });
    expect((await orderRow(orders.db, stale.id)).status).toBe('success');
    expect((await orderRow(orders.db, failed.id)).status).toBe('refunded');
    expect((await orderRow(orders.db, fresh.id)).status).toBe('unknown');
    expect((await orderRow(orders.db, done.id)).status).toBe('refunded');
    for (const order of [stale, failed]) expect((await orderRow(orders.db, order.id)).lease_until).toBeNull();
    expect(orders.peers.to(query).map((q) => q['reference'])).toEqual([stale.id.replace(/-/g, '')]);
  });

  it('skips an order another process holds the lease of', async () => {
    orders.peers.on(query, (p) => outcome(p, 'success'));
    const held = await seedOrder(orders, 'unknown', { idleSeconds: 120 });
    await orders.db.query(`UPDATE orders SET lease_until = now() + interval '1 minute' WHERE id = $1`, [held.id]);

    expect(await reconciler().runOnce()).toEqual({ examined: 0, resolved: 0, flagged: 0 });
    expect((await orderRow(orders.db, held.id)).status).toBe('unknown');
    expect(orders.peers.to(query)).toEqual([]);
  });

  it('counts the orders it flags for an operator, and claims no more than a batch', async () => {
    orders.peers.on(query, (p) => outcome(p, 'unknown'));
    const overdue = await Promise.all([1, 2, 3].map(() => seedOrder(orders, 'unknown', { idleSeconds: 120, ageSeconds: 2 * 86_400 })));

    expect(await reconciler().runOnce(2)).toEqual({ examined: 2, resolved: 0, flagged: 2 });
    // Flagging touches an order, so the next run takes only the one left over.
    expect(await reconciler().runOnce(2)).toEqual({ examined: 1, resolved: 0, flagged: 1 });
    for (const order of overdue) expect((await orderRow(orders.db, order.id)).needs_attention).toBe(true);
  });
});
