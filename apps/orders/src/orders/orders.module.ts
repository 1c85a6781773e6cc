import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module.js';
import { OrderProcessor } from './order-processor.js';
import { OrderStore } from './order-store.js';
import { OrdersController } from './orders.controller.js';
import { OrdersService } from './orders.service.js';

@Module({
  imports: [CatalogueModule],
  controllers: [OrdersController],
  providers: [OrdersService, OrderProcessor, OrderStore],
  exports: [OrderProcessor, OrderStore, OrdersService],
})
export class OrdersModule {}
