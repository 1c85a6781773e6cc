import { Injectable } from '@nestjs/common';
import type { BulkBatchView } from '@airtime/contracts';
import { BulkBatchStore } from '../../bulk-batch-store.js';
import { GetBulkBatchesCommand } from './get-bulk-batches.command.js';

/** Several bulk batches' progress at once (a page of batches in the graph): three queries in all. */
@Injectable()
export class GetBulkBatchesUseCase {
  constructor(private readonly batches: BulkBatchStore) {}

  async execute(command: GetBulkBatchesCommand): Promise<BulkBatchView[]> {
    const { account_id: accountId, mode, batch_ids: ids } = command.request;
    return this.batches.views(await this.batches.byIds(accountId, mode, [...new Set(ids)]));
  }
}
