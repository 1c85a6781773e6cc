import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module.js';
import { BatchesController } from './batches.controller.js';
import { BatchesService } from './batches.service.js';

@Module({ imports: [OrdersModule], controllers: [BatchesController], providers: [BatchesService] })
export class BatchesModule {}
