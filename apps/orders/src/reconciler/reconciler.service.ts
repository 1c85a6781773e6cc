import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type DispatchOutcome, Subjects } from '@airtime/contracts';
import { RpcClient, rows } from '@airtime/platform';
import { OrdersConfig } from '../config/orders.config.js';
import { dispatchReferenceOf } from '../orders/dispatch-reference.js';
import { dispatchRequestOf, OrderProcessor } from '../orders/order-processor.js';
import type { OrderRow } from '../orders/order-row.js';
import { OrderStore } from '../orders/order-store.js';

export interface ReconcileReport {
  examined: number;
  resolved: number;
  flagged: number;
}

/**
 * 001's reconciler. Takes orders that are unknown, stuck in flight past the grace period, waiting for
 * their debit, or failed without a confirmed refund; asks the upstream (through provider-adapters)
 * about each unknown one; and moves each as far as it can. Several replicas may run at once: each
 * order is claimed with a lease taken under FOR UPDATE SKIP LOCKED, so one replica handles it. An order
 * still unknown after RECONCILE_ATTENTION_AFTER_SECONDS is flagged for an operator, never refunded blindly.
 */
@Injectable()
export class ReconcilerService {
  private readonly logger = new Logger(ReconcilerService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly processor: OrderProcessor,
    private readonly store: OrderStore,
    private readonly rpc: RpcClient,
    private readonly config: OrdersConfig,
  ) {}

  async runOnce(batchSize = 50): Promise<ReconcileReport> {
    const report: ReconcileReport = { examined: 0, resolved: 0, flagged: 0 };
    const lease = Math.ceil(this.config.DISPATCH_TIMEOUT_MS / 1000) + 60;
    const claimed = await rows<OrderRow>(
      this.dataSource,
      `UPDATE orders SET lease_until = now() + make_interval(secs => $3), last_checked_at = now()
        WHERE id IN (
          SELECT id FROM orders
           WHERE status IN ('created', 'debited', 'dispatching', 'unknown', 'failed', 'reversing')
             AND updated_at < now() - make_interval(secs => $1)
             AND (lease_until IS NULL OR lease_until < now())
           ORDER BY last_checked_at NULLS FIRST, updated_at
           LIMIT $2
           FOR UPDATE SKIP LOCKED)
        RETURNING *`,
      [this.config.RECONCILE_GRACE_SECONDS, batchSize, lease],
    );
    for (const order of claimed) {
      report.examined++;
      try {
        const after = await this.reconcile(order);
        if (after.status !== order.status) report.resolved++;
        if (after.status === 'unknown' && !after.needs_attention && this.overdue(after)) {
          await this.store.annotate(after.id, { needs_attention: true });
          report.flagged++;
          this.logger.warn(`order ${after.id} still unknown after ${this.config.RECONCILE_ATTENTION_AFTER_SECONDS}s: flagged for an operator`);
        }
      } catch (error) {
        this.logger.error(error as Error);
      } finally {
        await this.store.release(order.id).catch(() => undefined);
      }
    }
    return report;
  }

  private async reconcile(order: OrderRow): Promise<OrderRow> {
    if (order.status !== 'unknown' && order.status !== 'dispatching') return this.processor.advance(order);
    let outcome: DispatchOutcome;
    try {
      outcome = await this.rpc.request<DispatchOutcome>(Subjects.providerAdapters.query, {
        reference: dispatchReferenceOf(order.id),
        upstream: order.upstream,
        mode: order.mode,
        ...(order.provider_ref ? { provider_ref: order.provider_ref } : {}),
        original: dispatchRequestOf(order),
      }, this.config.DISPATCH_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn(`could not ask about order ${order.id}: ${(error as Error).message}`);
      return order;
    }
    return this.processor.applyOutcome(order, outcome, [order.status]);
  }

  private overdue(order: OrderRow): boolean {
    return Date.now() - new Date(order.created_at).getTime() > this.config.RECONCILE_ATTENTION_AFTER_SECONDS * 1000;
  }
}
