import { Injectable, Logger } from '@nestjs/common';
import { OrdersConfig } from '../config/orders.config.js';
import { OrderStore } from '../orders/order-store.js';
import { ReconcileOrderCommand } from '../orders/use-cases/reconcile-order/reconcile-order.command.js';
import { ReconcileOrderUseCase } from '../orders/use-cases/reconcile-order/reconcile-order.use-case.js';

export interface ReconcileReport {
  examined: number;
  resolved: number;
  flagged: number;
}

/**
 * 001's reconciler run. Claims orders that are unknown, stuck in flight past the grace period,
 * waiting for their debit, or failed without a confirmed refund, and reconciles each. Several
 * replicas may run at once: each order is claimed with a lease taken under FOR UPDATE SKIP LOCKED, so
 * one replica handles it, and let go when done.
 */
@Injectable()
export class ReconcilerService {
  private readonly logger = new Logger(ReconcilerService.name);

  constructor(
    private readonly store: OrderStore,
    private readonly reconcileOrder: ReconcileOrderUseCase,
    private readonly config: OrdersConfig,
  ) {}

  async runOnce(batchSize = 50): Promise<ReconcileReport> {
    const report: ReconcileReport = { examined: 0, resolved: 0, flagged: 0 };
    const lease = Math.ceil(this.config.DISPATCH_TIMEOUT_MS / 1000) + 60;
    const claimed = await this.store.claimStale(this.config.RECONCILE_GRACE_SECONDS, batchSize, lease);
    for (const order of claimed) {
      report.examined++;
      try {
        const { resolved, flagged } = await this.reconcileOrder.execute(new ReconcileOrderCommand({ order }));
        if (resolved) report.resolved++;
        if (flagged) report.flagged++;
      } catch (error) {
        this.logger.error(error as Error);
      } finally {
        await this.store.release(order.id).catch(() => undefined);
      }
    }
    return report;
  }
}
