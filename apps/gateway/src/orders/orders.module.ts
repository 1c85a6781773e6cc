import { Module } from '@nestjs/common';
import { AirtimeRechargesController } from './airtime-recharges.controller.js';
import { OrdersController } from './orders.controller.js';
import { OrdersResolver } from './orders.resolver.js';

@Module({ controllers: [OrdersController, AirtimeRechargesController], providers: [OrdersResolver] })
export class OrdersModule {}
