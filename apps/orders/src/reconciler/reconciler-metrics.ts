import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { scrapedGauge, sharedRead } from '@airtime/platform';
import { OrdersConfig } from '../config/orders.config.js';
import { OrderStore } from '../orders/order-store.js';

// Every status is reported, at 0 when no order is in it, so that an alert on it sees 0 rather than no series.
const OPEN_STATUSES = ['created', 'debited', 'dispatching', 'unknown', 'failed', 'reversing'] as const;

const open = scrapedGauge('orders_open', 'Orders not at rest (in flight, unknown, or failed awaiting their refund), by status', ['status']);
const backlog = scrapedGauge('reconciler_backlog_orders', 'Orders not at rest that have not moved for RECONCILE_GRACE_SECONDS: what the reconciler has to resolve, by status', ['status']);
const oldestUnknown = scrapedGauge('reconciler_oldest_unknown_age_seconds', 'Age of the oldest order whose outcome is unknown (0 when none)', []);
const attention = scrapedGauge('orders_needing_attention', 'Unknown orders flagged for an operator (unresolved after RECONCILE_ATTENTION_AFTER_SECONDS)', []);

/**
 * The reconciler's gauges, read from the database when Prometheus scrapes (one grouped query over the
 * `orders_open` partial index), so they are right whichever replica ran the reconciler last.
 */
@Injectable()
export class ReconcilerMetrics implements OnModuleInit, OnModuleDestroy {
  private readonly unwatch: (() => void)[] = [];

  constructor(
    private readonly store: OrderStore,
    private readonly config: OrdersConfig,
  ) {}

  onModuleInit(): void {
    const read = sharedRead(() => this.store.openOrders(this.config.RECONCILE_GRACE_SECONDS));
    this.unwatch.push(
      open.add(async (gauge) => {
        const rows = await read();
        for (const status of OPEN_STATUSES) gauge.set({ status }, rows.find((row) => row.status === status)?.open ?? 0);
      }),
      backlog.add(async (gauge) => {
        const rows = await read();
        for (const status of OPEN_STATUSES) gauge.set({ status }, rows.find((row) => row.status === status)?.stale ?? 0);
      }),
      oldestUnknown.add(async (gauge) => {
        gauge.set((await read()).find((row) => row.status === 'unknown')?.oldest_seconds ?? 0);
      }),
      attention.add(async (gauge) => {
        gauge.set((await read()).reduce((sum, row) => sum + row.attention, 0));
      }),
    );
  }

  onModuleDestroy(): void {
    for (const unwatch of this.unwatch.splice(0)) unwatch();
  }
}
