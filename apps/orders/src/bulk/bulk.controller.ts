import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  BulkBatchRequest,
  type BulkBatchView,
  type BulkPreviewView,
  type BulkResultsPageView,
  BulkResultsRequest,
  GetBulkBatchesRequest,
  PreviewBulkRequest,
  Rpc,
  RunBulkRequest,
  StageBulkRowsRequest,
  type StagedBulkRowsView,
} from '@airtime/contracts';
import { RpcHandler } from '@airtime/platform';
import { BulkResultsCommand } from './use-cases/bulk-results/bulk-results.command.js';
import { BulkResultsUseCase } from './use-cases/bulk-results/bulk-results.use-case.js';
import { CancelBulkCommand } from './use-cases/cancel-bulk/cancel-bulk.command.js';
import { CancelBulkUseCase } from './use-cases/cancel-bulk/cancel-bulk.use-case.js';
import { GetBulkCommand } from './use-cases/get-bulk/get-bulk.command.js';
import { GetBulkUseCase } from './use-cases/get-bulk/get-bulk.use-case.js';
import { GetBulkBatchesCommand } from './use-cases/get-bulk-batches/get-bulk-batches.command.js';
import { GetBulkBatchesUseCase } from './use-cases/get-bulk-batches/get-bulk-batches.use-case.js';
import { RunBulkCommand } from './use-cases/run-bulk/run-bulk.command.js';
import { RunBulkUseCase } from './use-cases/run-bulk/run-bulk.use-case.js';
import { PreviewBulkCommand } from './use-cases/preview-bulk/preview-bulk.command.js';
import { PreviewBulkUseCase } from './use-cases/preview-bulk/preview-bulk.use-case.js';
import { StageBulkRowsCommand } from './use-cases/stage-bulk-rows/stage-bulk-rows.command.js';
import { StageBulkRowsUseCase } from './use-cases/stage-bulk-rows/stage-bulk-rows.use-case.js';

@Controller()
export class BulkController {
  constructor(
    private readonly stageRows: StageBulkRowsUseCase,
    private readonly preview: PreviewBulkUseCase,
    private readonly runBulk: RunBulkUseCase,
    private readonly getBulk: GetBulkUseCase,
    private readonly getBulkBatches: GetBulkBatchesUseCase,
    private readonly cancelBulk: CancelBulkUseCase,
    private readonly bulkResults: BulkResultsUseCase,
  ) {}

  @RpcHandler(Rpc.orders.stageBulkRows)
  stage(@Payload() request: StageBulkRowsRequest): Promise<StagedBulkRowsView> {
    return this.stageRows.execute(new StageBulkRowsCommand({ request }));
  }

  @RpcHandler(Rpc.orders.previewBulk)
  check(@Payload() request: PreviewBulkRequest): Promise<BulkPreviewView> {
    return this.preview.execute(new PreviewBulkCommand({ request }));
  }

  @RpcHandler(Rpc.orders.runBulk)
  run(@Payload() request: RunBulkRequest): Promise<BulkBatchView> {
    return this.runBulk.execute(new RunBulkCommand({ request }));
  }

  @RpcHandler(Rpc.orders.getBulk)
  get(@Payload() request: BulkBatchRequest): Promise<BulkBatchView> {
    return this.getBulk.execute(new GetBulkCommand({ request }));
  }

  @RpcHandler(Rpc.orders.getBulkBatches)
  getMany(@Payload() request: GetBulkBatchesRequest): Promise<BulkBatchView[]> {
    return this.getBulkBatches.execute(new GetBulkBatchesCommand({ request }));
  }

  @RpcHandler(Rpc.orders.cancelBulk)
  cancel(@Payload() request: BulkBatchRequest): Promise<BulkBatchView> {
    return this.cancelBulk.execute(new CancelBulkCommand({ request }));
  }

  @RpcHandler(Rpc.orders.bulkResults)
  results(@Payload() request: BulkResultsRequest): Promise<BulkResultsPageView> {
    return this.bulkResults.execute(new BulkResultsCommand({ request }));
  }
}
