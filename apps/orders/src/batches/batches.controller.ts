import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { type BatchPageView, type BatchView, CreateBatchRequest, GetBatchRequest, GetBatchesRequest, ListBatchesRequest, Rpc } from '@airtime/contracts';
import { RpcHandler } from '@airtime/platform';
import { BatchesService } from './batches.service.js';
import { GetBatchesCommand } from './use-cases/get-batches/get-batches.command.js';
import { GetBatchesUseCase } from './use-cases/get-batches/get-batches.use-case.js';
import { ListBatchesCommand } from './use-cases/list-batches/list-batches.command.js';
import { ListBatchesUseCase } from './use-cases/list-batches/list-batches.use-case.js';

@Controller()
export class BatchesController {
  constructor(
    private readonly batches: BatchesService,
    private readonly getBatches: GetBatchesUseCase,
    private readonly listBatches: ListBatchesUseCase,
  ) {}

  @RpcHandler(Rpc.orders.createBatch)
  create(@Payload() request: CreateBatchRequest): Promise<BatchView> {
    return this.batches.create(request);
  }

  @RpcHandler(Rpc.orders.getBatch)
  get(@Payload() request: GetBatchRequest): Promise<BatchView> {
    return this.batches.get(request.account_id, request.batch_id);
  }

  @RpcHandler(Rpc.orders.getBatches)
  getMany(@Payload() request: GetBatchesRequest): Promise<BatchView[]> {
    return this.getBatches.execute(new GetBatchesCommand({ accountId: request.account_id, mode: request.mode, ids: request.ids }));
  }

  @RpcHandler(Rpc.orders.listBatches)
  list(@Payload() request: ListBatchesRequest): Promise<BatchPageView> {
    return this.listBatches.execute(new ListBatchesCommand({ request }));
  }
}
