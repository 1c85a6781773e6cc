import { Injectable } from '@nestjs/common';
import type { BulkBatchView } from '@airtime/contracts';
import { BulkBatchStore } from '../../bulk-batch-store.js';
import { batchNotFound } from '../../bulk.exceptions.js';
import { GetBulkCommand } from './get-bulk.command.js';

/** A bulk batch's progress: rows per status, money sent and refunded per currency. */
@Injectable()
export class GetBulkUseCase {
  constructor(private readonly batches: BulkBatchStore) {}

  async execute(command: GetBulkCommand): Promise<BulkBatchView> {
    const { account_id: accountId, mode, batch_id: batchId } = command.request;
    const batch = await this.batches.byId(accountId, mode, batchId);
    if (!batch) throw batchNotFound();
    return this.batches.view(batch);
  }
}
