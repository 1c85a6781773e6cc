import { Injectable } from '@nestjs/common';
import type { BulkBatchView } from '@airtime/contracts';
import { BulkBatchStore } from '../../bulk-batch-store.js';
import { batchNotFound } from '../../bulk.exceptions.js';
import { CancelBulkCommand } from './cancel-bulk.command.js';

/**
 * Stops a bulk batch: rows not yet dispatched are skipped, orders already made go on to their
 * outcome. Cancelling a finished or cancelled batch changes nothing and answers it as it is.
 */
@Injectable()
export class CancelBulkUseCase {
  constructor(private readonly batches: BulkBatchStore) {}

  async execute(command: CancelBulkCommand): Promise<BulkBatchView> {
    const { account_id: accountId, mode, batch_id: batchId } = command.request;
    const batch = await this.batches.byId(accountId, mode, batchId);
    if (!batch) throw batchNotFound();
    await this.batches.cancel(batch);
    return this.batches.view((await this.batches.byId(accountId, mode, batchId)) ?? batch);
  }
}
