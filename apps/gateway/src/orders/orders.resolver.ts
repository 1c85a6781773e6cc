import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Rpc } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { PrincipalGuard } from '../auth/principal.guard.js';
import { CreatesOrders, RechargeLimitGuard } from '../throttling/recharge-limit.guard.js';
import { modeOf } from '../wallet/principal-mode.js';
import { OrderConnectionModel } from './dtos/order-connection.model.js';
import { OrderModel } from './dtos/order.model.js';
import { OrdersFilterInput } from './dtos/orders-filter.input.js';
import { ProductModel } from './dtos/product.model.js';
import { ProductsFilterInput } from './dtos/products-filter.input.js';
import { SendRechargeInput } from './dtos/send-recharge.input.js';

@Resolver()
@UseGuards(PrincipalGuard)
export class OrdersResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => [ProductModel])
  async products(@Args('filter', { type: () => ProductsFilterInput, nullable: true }) filter?: ProductsFilterInput): Promise<ProductModel[]> {
    const products = await this.rpc.request(Rpc.orders.listProducts, { ...filter });
    return products.map(ProductModel.from);
  }

  @Mutation(() => OrderModel, { description: '001 POST /api/v1/orders: idempotent on agentReference.' })
  @CreatesOrders({})
  @UseGuards(RechargeLimitGuard)
  async sendRecharge(@CurrentPrincipal() principal: Principal, @Args('input') input: SendRechargeInput): Promise<OrderModel> {
    const order = await this.rpc.request(Rpc.orders.create, {
      account_id: principal.accountId,
      mode: modeOf(principal),
      product_id: input.productId,
      target: input.target,
      amount: input.amount,
      agent_reference: input.agentReference,
      ...(input.customSms ? { custom_sms: input.customSms } : {}),
    }, 60_000);
    return OrderModel.from(order);
  }

  @Query(() => OrderModel)
  async order(@CurrentPrincipal() principal: Principal, @Args('agentReference') agentReference: string): Promise<OrderModel> {
    return OrderModel.from(await this.rpc.request(Rpc.orders.get, { account_id: principal.accountId, mode: modeOf(principal), agent_reference: agentReference }));
  }

  @Query(() => OrderConnectionModel)
  async orders(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { type: () => OrdersFilterInput, nullable: true }) filter?: OrdersFilterInput,
  ): Promise<OrderConnectionModel> {
    const page = await this.rpc.request(Rpc.orders.list, {
      account_id: principal.accountId,
      mode: modeOf(principal),
      status: filter?.status,
      network: filter?.network,
      target: filter?.target,
      from: filter?.from,
      to: filter?.to,
      cursor: filter?.after,
      limit: filter?.first,
    });
    return OrderConnectionModel.from(page);
  }
}
