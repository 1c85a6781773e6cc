import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module.js';
import { BulkBatchStore } from './bulk-batch-store.js';
import { BulkPreviewStore } from './bulk-preview-store.js';
import { BulkRunner } from './bulk-runner.js';
import { BulkRunnerJob } from './bulk-runner.job.js';
import { BulkController } from './bulk.controller.js';
import { BulkResultsUseCase } from './use-cases/bulk-results/bulk-results.use-case.js';
import { CancelBulkUseCase } from './use-cases/cancel-bulk/cancel-bulk.use-case.js';
import { GetBulkUseCase } from './use-cases/get-bulk/get-bulk.use-case.js';
import { GetBulkBatchesUseCase } from './use-cases/get-bulk-batches/get-bulk-batches.use-case.js';
import { PreviewBulkUseCase } from './use-cases/preview-bulk/preview-bulk.use-case.js';
import { RunBulkUseCase } from './use-cases/run-bulk/run-bulk.use-case.js';
import { StageBulkRowsUseCase } from './use-cases/stage-bulk-rows/stage-bulk-rows.use-case.js';

const USE_CASES = [StageBulkRowsUseCase, PreviewBulkUseCase, RunBulkUseCase, GetBulkUseCase, GetBulkBatchesUseCase, CancelBulkUseCase, BulkResultsUseCase];

/** 001's bulk sheets: staged in chunks, checked into a preview, run as a batch of ordinary orders that survives restarts. */
@Module({ imports: [OrdersModule], controllers: [BulkController], providers: [...USE_CASES, BulkPreviewStore, BulkBatchStore, BulkRunner, BulkRunnerJob] })
export class BulkModule {}
