import { Injectable } from '@nestjs/common';
import type { OrderView } from '@airtime/contracts';
import { toOrderView } from '../../order-row.js';
import { OrderStore } from '../../order-store.js';
import { ListOrdersNeedingAttentionCommand } from './list-orders-needing-attention.command.js';

/** For operators: orders the reconciler could not resolve in time and flagged, oldest first. */
@Injectable()
export class ListOrdersNeedingAttentionUseCase {
  constructor(private readonly store: OrderStore) {}

  async execute(command: ListOrdersNeedingAttentionCommand): Promise<OrderView[]> {
    return (await this.store.needingAttention(command.limit)).map(toOrderView);
  }
}
