import { Injectable } from '@nestjs/common';
import { BULK_MAX_ROWS, type StagedBulkRowsView } from '@airtime/contracts';
import { PlatformError } from '@airtime/platform';
import { BulkPreviewStore } from '../../bulk-preview-store.js';
import { previewAlreadyChecked, previewNotFound } from '../../bulk.exceptions.js';
import { StageBulkRowsCommand } from './stage-bulk-rows.command.js';

/**
 * Takes a sheet's rows a chunk at a time (a whole sheet can exceed one NATS message): the first chunk
 * makes the preview, the next ones add to it until it is checked.
 */
@Injectable()
export class StageBulkRowsUseCase {
  constructor(private readonly previews: BulkPreviewStore) {}

  async execute(command: StageBulkRowsCommand): Promise<StagedBulkRowsView> {
    const { account_id: accountId, mode, rows } = command.request;
    let previewId = command.request.preview_id;
    if (previewId === undefined) {
      previewId = (await this.previews.create(accountId, mode)).id;
    } else {
      const preview = await this.previews.live(accountId, mode, previewId);
      if (!preview) throw previewNotFound();
      if (preview.status !== 'staging') throw previewAlreadyChecked();
      if (preview.row_count + rows.length > BULK_MAX_ROWS) {
        throw new PlatformError('VALIDATION_FAILED', `A sheet has at most ${BULK_MAX_ROWS} rows`, { fields: { rows: [`at most ${BULK_MAX_ROWS} rows`] } });
      }
    }
    const rowCount = await this.previews.stage(previewId, rows);
    if (rowCount === undefined) throw previewAlreadyChecked();
    return { preview_id: previewId, row_count: rowCount };
  }
}
