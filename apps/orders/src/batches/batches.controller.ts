import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type BatchView, CreateBatchRequest, GetBatchRequest, Subjects } from '@airtime/contracts';
import { BatchesService } from './batches.service.js';

@Controller()
export class BatchesController {
  constructor(private readonly batches: BatchesService) {}

  @MessagePattern(Subjects.orders.createBatch)
  create(@Payload() request: CreateBatchRequest): Promise<BatchView> {
    return this.batches.create(request);
  }

  @MessagePattern(Subjects.orders.getBatch)
  get(@Payload() request: GetBatchRequest): Promise<BatchView> {
    return this.batches.get(request.account_id, request.batch_id);
  }
}
