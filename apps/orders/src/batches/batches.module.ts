import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module.js';
import { BatchStore } from './batch-store.js';
import { BatchesController } from './batches.controller.js';
import { BatchesService } from './batches.service.js';
import { GetBatchesUseCase } from './use-cases/get-batches/get-batches.use-case.js';
import { ListBatchesUseCase } from './use-cases/list-batches/list-batches.use-case.js';

@Module({ imports: [OrdersModule], controllers: [BatchesController], providers: [BatchesService, BatchStore, GetBatchesUseCase, ListBatchesUseCase] })
export class BatchesModule {}
