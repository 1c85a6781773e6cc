import { Module } from '@nestjs/common';
import { AirtimeRechargesController } from './airtime-recharges.controller.js';
import { CatalogueAdminResolver } from './catalogue-admin.resolver.js';
import { OrdersController } from './orders.controller.js';
import { AccountOrdersResolver } from './account-orders.resolver.js';
import { BatchResolver, OrdersResolver } from './orders.resolver.js';
import { UpstreamCallbacksController } from './upstream-callbacks.controller.js';

@Module({ controllers: [OrdersController, AirtimeRechargesController, UpstreamCallbacksController], providers: [OrdersResolver, BatchResolver, AccountOrdersResolver, CatalogueAdminResolver] })
export class OrdersModule {}
