import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { type BatchView, CreateBatchRequest, GetBatchRequest, Rpc } from '@airtime/contracts';
import { RpcHandler } from '@airtime/platform';
import { BatchesService } from './batches.service.js';

@Controller()
export class BatchesController {
  constructor(private readonly batches: BatchesService) {}

  @RpcHandler(Rpc.orders.createBatch)
  create(@Payload() request: CreateBatchRequest): Promise<BatchView> {
    return this.batches.create(request);
  }

  @RpcHandler(Rpc.orders.getBatch)
  get(@Payload() request: GetBatchRequest): Promise<BatchView> {
    return this.batches.get(request.account_id, request.batch_id);
  }
}
