import { Injectable } from '@nestjs/common';
import type { OrderView } from '@airtime/contracts';
import { orderIdOf } from '../../dispatch-reference.js';
import { OrderProcessor } from '../../order-processor.js';
import { toOrderView } from '../../order-row.js';
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
  constructor(
    private readonly processor: OrderProcessor,
    private readonly store: OrderStore,
  ) {}

  async execute(command: ApplyOutcomeCommand): Promise<OrderView> {
    const orderId = orderIdOf(command.reference);
    const order = orderId ? await this.store.byId(orderId) : undefined;
    if (!order || order.upstream !== command.upstream) throw orderNotFoundByDispatchReference(command.reference);
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
}
