import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { type OrderView, type ProductView, Rpc } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { ApiBody, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { ApiErrors } from '../openapi/api-responses.js';
import { ORDER_EXAMPLE_001 } from '../openapi/examples.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { PrincipalGuard } from '../auth/principal.guard.js';
import { CreatesOrders, RechargeLimitGuard } from '../throttling/recharge-limit.guard.js';
import { modeOf } from '../wallet/principal-mode.js';
import { CreateOrderBody } from './dtos/create-order.body.js';
import { OrderResponse, ProductResponse } from './dtos/order.responses.js';
import { ProductsQuery } from './dtos/products.query.js';

/** Longer than orders' own wait bound for the outcome, so the gateway never gives up first. */
const ORDER_RPC_TIMEOUT_MS = 60_000;

/** 001's catalogue and orders. Bodies are the product list and the order itself, as 001's examples read them. */
@Controller('api/v1')
@UseGuards(PrincipalGuard)
export class OrdersController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('products')
  @ApiOperation({ summary: 'The catalogue (001)' })
  @ApiResponse({ status: 200, description: "001's product list (not enveloped)", type: [ProductResponse] })
  products(@Query() query: ProductsQuery): Promise<ProductView[]> {
    return this.rpc.request(Rpc.orders.listProducts, query);
  }

  @Post('orders')
  @HttpCode(200)
  @CreatesOrders({})
  @ApiOperation({
    summary: 'Send a recharge (001)',
    description: 'Idempotent on `agent_reference`: the same body again answers the same order. Answers when the outcome is known, or `pending` after the wait bound.',
  })
  @ApiBody({ type: CreateOrderBody, examples: { '001': { summary: "001's example recharge", value: ORDER_EXAMPLE_001 } } })
  @ApiResponse({ status: 200, description: "The order (001's shape, not enveloped)", type: OrderResponse })
  @ApiErrors({ status: 409, codes: ['REFERENCE_REUSED'], description: 'REFERENCE_REUSED: the agent_reference was used with another body' }, { status: 422, codes: ['INSUFFICIENT_FUNDS', 'WALLET_NOT_FOUND', 'PRODUCT_NOT_FOUND', 'INVALID_TARGET', 'AMOUNT_OUT_OF_RANGE'] })
  @UseGuards(RechargeLimitGuard)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateOrderBody): Promise<OrderView> {
    return this.rpc.request(Rpc.orders.create, { ...body, account_id: principal.accountId, mode: modeOf(principal) }, ORDER_RPC_TIMEOUT_MS);
  }

  @Get('orders/:agentReference')
  @ApiOperation({ summary: 'An order by its agent_reference (001)' })
  @ApiResponse({ status: 200, description: "The order (001's shape, not enveloped)", type: OrderResponse })
  @ApiErrors({ status: 404, codes: ['ORDER_NOT_FOUND'] })
  get(@CurrentPrincipal() principal: Principal, @Param('agentReference') agentReference: string): Promise<OrderView> {
    return this.rpc.request(Rpc.orders.get, { account_id: principal.accountId, mode: modeOf(principal), agent_reference: agentReference });
  }
}
