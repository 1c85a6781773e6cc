import { Injectable } from '@nestjs/common';
import type { BatchView } from '@airtime/contracts';
import { OrderStore } from '../../../orders/order-store.js';
import { BatchStore } from '../../batch-store.js';
import { batchViews } from '../../batch-views.js';
import { GetBatchesCommand } from './get-batches.command.js';

/**
 * Several of an account's batches by id, with their counts, in two queries whatever their number;
 * ids that are not its batches in that mode are left out.
 */
@Injectable()
export class GetBatchesUseCase {
  constructor(
    private readonly batches: BatchStore,
    private readonly orders: OrderStore,
  ) {}

  async execute(command: GetBatchesCommand): Promise<BatchView[]> {
    return batchViews(this.orders, await this.batches.byIds(command.accountId, command.mode, command.ids));
  }
}
