import { Injectable, Logger } from '@nestjs/common';
import { type DispatchOutcome, Rpc } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { OrdersConfig } from '../../../config/orders.config.js';
import { dispatchReferenceOf } from '../../dispatch-reference.js';
import { dispatchRequestOf, OrderProcessor } from '../../order-processor.js';
import type { OrderRow } from '../../order-row.js';
import { OrderStore } from '../../order-store.js';
import { ReconcileOrderCommand } from './reconcile-order.command.js';

export interface ReconciledOrder {
  order: OrderRow;
  /** Its status changed. */
  resolved: boolean;
  /** Still unknown past RECONCILE_ATTENTION_AFTER_SECONDS: flagged for an operator by this run. */
  flagged: boolean;
}

/**
 * One stale order, moved as far as it can go: an unknown or in-flight one is asked about upstream
 * (through provider-adapters) and the answer applied; any other is advanced from where it stopped
 * (debit, dispatch or refund, each keyed so a repeat is safe). One still unknown after
 * RECONCILE_ATTENTION_AFTER_SECONDS is flagged for an operator, never refunded blindly.
 */
@Injectable()
export class ReconcileOrderUseCase {
  private readonly logger = new Logger(ReconcileOrderUseCase.name);

  constructor(
    private readonly processor: OrderProcessor,
    private readonly store: OrderStore,
    private readonly rpc: RpcClient,
    private readonly config: OrdersConfig,
  ) {}

  async execute({ order }: ReconcileOrderCommand): Promise<ReconciledOrder> {
    const after = await this.reconcile(order);
    const flagged = after.status === 'unknown' && !after.needs_attention && this.overdue(after);
    if (flagged) {
      await this.store.annotate(after.id, { needs_attention: true });
      this.logger.warn(`order ${after.id} still unknown after ${this.config.RECONCILE_ATTENTION_AFTER_SECONDS}s: flagged for an operator`);
    }
    return { order: after, resolved: after.status !== order.status, flagged };
  }

  private async reconcile(order: OrderRow): Promise<OrderRow> {
    if (order.status !== 'unknown' && order.status !== 'dispatching') return this.processor.advance(order);
    let outcome: DispatchOutcome;
    try {
      outcome = await this.rpc.request(Rpc.providerAdapters.query, {
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
