import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { type BulkPreviewView, PreviewBulkRequest, Rpc, StageBulkRowsRequest, type StagedBulkRowsView } from '@airtime/contracts';
import { RpcHandler } from '@airtime/platform';
import { PreviewBulkCommand } from './use-cases/preview-bulk/preview-bulk.command.js';
import { PreviewBulkUseCase } from './use-cases/preview-bulk/preview-bulk.use-case.js';
import { StageBulkRowsCommand } from './use-cases/stage-bulk-rows/stage-bulk-rows.command.js';
import { StageBulkRowsUseCase } from './use-cases/stage-bulk-rows/stage-bulk-rows.use-case.js';

@Controller()
export class BulkController {
  constructor(
    private readonly stageRows: StageBulkRowsUseCase,
    private readonly preview: PreviewBulkUseCase,
  ) {}

  @RpcHandler(Rpc.orders.stageBulkRows)
  stage(@Payload() request: StageBulkRowsRequest): Promise<StagedBulkRowsView> {
    return this.stageRows.execute(new StageBulkRowsCommand({ request }));
  }

  @RpcHandler(Rpc.orders.previewBulk)
  check(@Payload() request: PreviewBulkRequest): Promise<BulkPreviewView> {
    return this.preview.execute(new PreviewBulkCommand({ request }));
  }
}
