import { register } from 'prom-client';
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

  it('exposes its backlog, the oldest unknown order\'s age and the flagged orders when scraped', async () => {
    orders.peers.on(query, (p) => outcome(p, 'unknown'));
    await seedOrder(orders, 'unknown', { idleSeconds: 120, ageSeconds: 2 * 86_400 });
    await seedOrder(orders, 'unknown', { idleSeconds: 5, ageSeconds: 600 });
    await seedOrder(orders, 'dispatching', { idleSeconds: 120 });
    const scrape = async () => {
      const metrics = await register.getMetricsAsJSON();
      const values = (name: string) => metrics.find((m) => m.name === name)?.values ?? [];
      const byStatus = (name: string) => Object.fromEntries(values(name).map((v) => [v.labels['status'], v.value]));
      return {
        open: byStatus('airtime_orders_open'),
        backlog: byStatus('airtime_reconciler_backlog_orders'),
        oldestUnknown: values('airtime_reconciler_oldest_unknown_age_seconds')[0]?.value,
        attention: values('airtime_orders_needing_attention')[0]?.value,
      };
    };

    const before = await scrape();
    expect(before.open).toEqual({ created: 0, debited: 0, dispatching: 1, unknown: 2, failed: 0, reversing: 0 });
    // Past the grace period (60 s here): the idle ones, not the unknown order that moved 5 s ago.
    expect(before.backlog).toEqual({ created: 0, debited: 0, dispatching: 1, unknown: 1, failed: 0, reversing: 0 });
    expect(before.oldestUnknown).toBeGreaterThanOrEqual(2 * 86_400 - 5);
    expect(before.attention).toBe(0);

    await reconciler().runOnce();
    // The two-day-old unknown order, still unknown upstream, is flagged for an operator.
    expect((await scrape()).attention).toBe(1);
  });
});
