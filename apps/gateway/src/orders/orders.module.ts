import { Module } from '@nestjs/common';
import { AirtimeRechargesController } from './airtime-recharges.controller.js';
import { CatalogueAdminResolver } from './catalogue-admin.resolver.js';
import { OrdersController } from './orders.controller.js';
import { OrdersResolver } from './orders.resolver.js';
import { UpstreamCallbacksController } from './upstream-callbacks.controller.js';

@Module({ controllers: [OrdersController, AirtimeRechargesController, UpstreamCallbacksController], providers: [OrdersResolver, CatalogueAdminResolver] })
export class OrdersModule {}
