import { Injectable, Logger } from '@nestjs/common';
import type { OrderView } from '@airtime/contracts';
import { orderIdOf } from '../../dispatch-reference.js';
import { settledAttempts } from '../../order-attempts.js';
import { OrderProcessor } from '../../order-processor.js';
import { type OrderRow, toOrderView } from '../../order-row.js';
import { OrderStore } from '../../order-store.js';
import { orderNotFoundByDispatchReference } from '../../orders.exceptions.js';
import { ApplyOutcomeCommand } from './apply-outcome.command.js';

/**
 * A late outcome from an upstream's callback. It may move an order that is still in flight or
 * unknown, or reverse a success; an order that already has its outcome is left alone (callbacks
 * repeat), and so is one another process is advancing (it holds the lease).
 */
@Injectable()
export class ApplyOutcomeUseCase {
  private readonly logger = new Logger(ApplyOutcomeUseCase.name);

  constructor(
    private readonly processor: OrderProcessor,
    private readonly store: OrderStore,
  ) {}

  async execute(command: ApplyOutcomeCommand): Promise<OrderView> {
    const orderId = orderIdOf(command.reference);
    const order = orderId ? await this.store.byId(orderId) : undefined;
    if (!order) throw orderNotFoundByDispatchReference(command.reference);
    if (order.upstream !== command.upstream) {
      if (!order.attempts.some((a) => a.upstream === command.upstream)) throw orderNotFoundByDispatchReference(command.reference);
      return toOrderView(await this.applyToEarlierAttempt(order, command));
    }
    const reversal = order.status === 'success' && command.outcome.status === 'failed' && command.outcome.error_code === 'REVERSED';
    if (order.status !== 'dispatching' && order.status !== 'unknown' && !reversal) return toOrderView(order);
    if (!(await this.store.lease(order.id, 60))) return toOrderView(order);
    try {
      if (reversal) return toOrderView(await this.processor.reverse(order, command.outcome));
      return toOrderView(await this.processor.applyOutcome(order, { ...command.outcome, reference: command.reference }, [order.status]));
    } finally {
      await this.store.release(order.id);
    }
  }

  /**
   * A callback about an attempt the order has moved on from. That upstream had answered a certain
   * failure, which is why the order moved on; what it says now is recorded on its attempt. Should it
   * claim a delivery (confirmed the way its adapter confirms callbacks) the order may have been
   * delivered twice: nothing is refunded or charged by it, and the order is flagged for an operator.
   */
  private async applyToEarlierAttempt(order: OrderRow, command: ApplyOutcomeCommand): Promise<OrderRow> {
    const attempts = settledAttempts(order.attempts, command.upstream, { ...command.outcome, reference: command.reference });
    const contradicted = command.outcome.status === 'success';
    const annotated = await this.store.annotate(order.id, { attempts, ...(contradicted ? { needs_attention: true } : {}) });
    if (contradicted) {
      this.logger.error({ msg: 'an upstream the order failed over from reports it delivered', order_id: order.id, upstream: command.upstream, now_with: order.upstream });
    }
    return annotated ?? order;
  }
}
