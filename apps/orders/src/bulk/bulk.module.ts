import { Module } from '@nestjs/common';
import { BulkPreviewStore } from './bulk-preview-store.js';
import { BulkController } from './bulk.controller.js';
import { PreviewBulkUseCase } from './use-cases/preview-bulk/preview-bulk.use-case.js';
import { StageBulkRowsUseCase } from './use-cases/stage-bulk-rows/stage-bulk-rows.use-case.js';

/** 001's bulk sheets: staged in chunks, checked into a preview, (later) run as a batch of ordinary orders. */
@Module({ controllers: [BulkController], providers: [BulkPreviewStore, StageBulkRowsUseCase, PreviewBulkUseCase], exports: [BulkPreviewStore] })
export class BulkModule {}
