import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module.js';
import { RoutingModule } from '../routing/routing.module.js';
import { OrderProcessor } from './order-processor.js';
import { OrderStore } from './order-store.js';
import { OrdersController } from './orders.controller.js';
import { ApplyOutcomeUseCase } from './use-cases/apply-outcome/apply-outcome.use-case.js';
import { CreateOrderUseCase } from './use-cases/create-order/create-order.use-case.js';
import { GetOrderUseCase } from './use-cases/get-order/get-order.use-case.js';
import { GetOrdersUseCase } from './use-cases/get-orders/get-orders.use-case.js';
import { ListOrdersUseCase } from './use-cases/list-orders/list-orders.use-case.js';
import { ListOrdersNeedingAttentionUseCase } from './use-cases/list-orders-needing-attention/list-orders-needing-attention.use-case.js';
import { ReconcileOrderUseCase } from './use-cases/reconcile-order/reconcile-order.use-case.js';

const USE_CASES = [CreateOrderUseCase, GetOrderUseCase, GetOrdersUseCase, ListOrdersUseCase, ListOrdersNeedingAttentionUseCase, ApplyOutcomeUseCase, ReconcileOrderUseCase];

@Module({
  imports: [CatalogueModule, RoutingModule],
  controllers: [OrdersController],
  providers: [...USE_CASES, OrderProcessor, OrderStore],
  exports: [CreateOrderUseCase, ReconcileOrderUseCase, OrderStore],
})
export class OrdersModule {}
