import { Injectable } from '@nestjs/common';
import type { BulkResultsPageView } from '@airtime/contracts';
import { BulkBatchStore } from '../../bulk-batch-store.js';
import { batchNotFound } from '../../bulk.exceptions.js';
import { BulkResultsCommand } from './bulk-results.command.js';

/** A page of a bulk batch's rows with what became of each (results.csv reads them page by page: a whole batch can exceed one NATS message). */
@Injectable()
export class BulkResultsUseCase {
  constructor(private readonly batches: BulkBatchStore) {}

  async execute(command: BulkResultsCommand): Promise<BulkResultsPageView> {
    const { account_id: accountId, mode, batch_id: batchId, after_row: afterRow = 0, limit = 1000 } = command.request;
    const batch = await this.batches.byId(accountId, mode, batchId);
    if (!batch) throw batchNotFound();
    const found = await this.batches.results(batchId, afterRow, limit + 1);
    const page = found.slice(0, limit);
    return { rows: page, next_after_row: found.length > limit ? (page.at(-1)?.row ?? null) : null };
  }
}
