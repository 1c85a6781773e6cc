import { Injectable } from '@nestjs/common';
import type { OrderView } from '@airtime/contracts';
import { awaitOutcome } from '../../await-outcome.js';
import { toOrderView } from '../../order-row.js';
import { OrderStore } from '../../order-store.js';
import { orderNotFoundByAgentReference } from '../../orders.exceptions.js';
import { GetOrderCommand } from './get-order.command.js';

/** An account's order by its agent_reference, at once or once it rests (within the wait asked for). */
@Injectable()
export class GetOrderUseCase {
  constructor(private readonly store: OrderStore) {}

  async execute(command: GetOrderCommand): Promise<OrderView> {
    const order = await this.store.byAgentReference(command.accountId, command.mode, command.agentReference);
    if (!order) throw orderNotFoundByAgentReference(command.agentReference);
    return command.waitMs > 0 ? awaitOutcome(this.store, order.id, command.waitMs) : toOrderView(order);
  }
}
