import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { type OrderView, type ProductView, Rpc } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { PrincipalGuard } from '../auth/principal.guard.js';
import { CreatesOrders, RechargeLimitGuard } from '../throttling/recharge-limit.guard.js';
import { modeOf } from '../wallet/principal-mode.js';
import { CreateOrderBody } from './dtos/create-order.body.js';
import { ProductsQuery } from './dtos/products.query.js';

/** Longer than orders' own wait bound for the outcome, so the gateway never gives up first. */
const ORDER_RPC_TIMEOUT_MS = 60_000;

/** 001's catalogue and orders. Bodies are the product list and the order itself, as 001's examples read them. */
@Controller('api/v1')
@UseGuards(PrincipalGuard)
export class OrdersController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('products')
  products(@Query() query: ProductsQuery): Promise<ProductView[]> {
    return this.rpc.request(Rpc.orders.listProducts, query);
  }

  @Post('orders')
  @HttpCode(200)
  @CreatesOrders({})
  @UseGuards(RechargeLimitGuard)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateOrderBody): Promise<OrderView> {
    return this.rpc.request(Rpc.orders.create, { ...body, account_id: principal.accountId, mode: modeOf(principal) }, ORDER_RPC_TIMEOUT_MS);
  }

  @Get('orders/:agentReference')
  get(@CurrentPrincipal() principal: Principal, @Param('agentReference') agentReference: string): Promise<OrderView> {
    return this.rpc.request(Rpc.orders.get, { account_id: principal.accountId, mode: modeOf(principal), agent_reference: agentReference });
  }
}
