import { Injectable } from '@nestjs/common';
import type { BulkBatchView } from '@airtime/contracts';
import { BulkBatchStore } from '../../bulk-batch-store.js';
import { BulkPreviewStore } from '../../bulk-preview-store.js';
import { BulkRunnerJob } from '../../bulk-runner.job.js';
import { previewAlreadyRun, previewNotChecked, previewNotFound } from '../../bulk.exceptions.js';
import { RunBulkCommand } from './run-bulk.command.js';

/**
 * Turns a checked preview into a batch and starts it; idempotent on batch_reference (the same one
 * again answers the same batch, whatever preview it names), and a preview runs at most once.
 */
@Injectable()
export class RunBulkUseCase {
  constructor(
    private readonly previews: BulkPreviewStore,
    private readonly batches: BulkBatchStore,
    private readonly runner: BulkRunnerJob,
  ) {}

  async execute(command: RunBulkCommand): Promise<BulkBatchView> {
    const { account_id: accountId, mode, preview_id: previewId, batch_reference: batchReference } = command.request;
    for (let attempt = 0; attempt < 2; attempt++) {
      const existing = await this.batches.byReference(accountId, mode, batchReference);
      if (existing) return this.batches.view(existing);
      const preview = await this.previews.live(accountId, mode, previewId);
      if (!preview) throw previewNotFound();
      if (preview.status !== 'checked') throw previewNotChecked();
      const used = await this.batches.byPreview(previewId);
      if (used) throw previewAlreadyRun(used.batch_reference);
      const batch = await this.batches.createFromPreview(accountId, mode, previewId, batchReference);
      if (batch) {
        this.runner.nudge();
        return this.batches.view(batch);
      }
      // Another request took the reference or the preview in between: read again which.
    }
    throw previewNotFound();
  }
}
