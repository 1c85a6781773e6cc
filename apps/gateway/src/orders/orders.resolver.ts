import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Rpc } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { PrincipalGuard } from '../auth/principal.guard.js';
import { boundedConnectionComplexity, type Connection, CONNECTION_COMPLEXITY, ConnectionArgs, connectionOf, connectionOfList, filtersOf, pageRequestOf } from '../graph/connection.js';
import { Loaders } from '../graph/graph-context.js';
import type { GraphLoaders } from '../graph/graph-loaders.js';
import { canSeeMode, graphMode } from '../graph/mode.js';
import { CreatesOrders, RechargeLimitGuard } from '../throttling/recharge-limit.guard.js';
import { LedgerEntryConnection } from '../wallet/dtos/connections.js';
import { LedgerEntryModel } from '../wallet/dtos/ledger-entry.model.js';
import { BatchModel } from './dtos/batch.model.js';
import { OrderConnection, ProductConnection } from './dtos/connections.js';
import { OrderModel } from './dtos/order.model.js';
import { OrdersArgs, ProductsArgs } from './dtos/orders-filter.args.js';
import { SendRechargePayload } from './dtos/payloads.js';
import { ProductModel } from './dtos/product.model.js';
import { SendRechargeInput } from './dtos/send-recharge.input.js';

/** An order moves money at most a few times: its debit, a refund, a reversal's. */
const MAX_ORDER_ENTRIES = 4;

@Resolver(() => OrderModel)
export class OrdersResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => ProductConnection, { ...CONNECTION_COMPLEXITY, description: 'The active catalogue, by product id.' })
  @UseGuards(PrincipalGuard)
  async products(@Args() args: ProductsArgs): Promise<Connection<ProductModel>> {
    const products = await this.rpc.request(Rpc.orders.listProducts, filtersOf(args));
    return connectionOfList(products.map(ProductModel.from), (p) => String(p.productId), args);
  }

  @Mutation(() => SendRechargePayload, { description: '001 POST /api/v1/orders: idempotent on agentReference.' })
  @CreatesOrders({})
  @UseGuards(PrincipalGuard, RechargeLimitGuard)
  async sendRecharge(@CurrentPrincipal() principal: Principal, @Args('input') input: SendRechargeInput): Promise<SendRechargePayload> {
    const order = await this.rpc.request(Rpc.orders.create, {
      account_id: principal.accountId,
      mode: graphMode(principal, input.mode),
      product_id: input.productId,
      target: input.target,
      amount: input.amount,
      agent_reference: input.agentReference,
      ...(input.customSms ? { custom_sms: input.customSms } : {}),
    }, 60_000);
    return { order: OrderModel.from(order) };
  }

  @ResolveField(() => ProductModel, { nullable: true, description: 'What was bought (withdrawn products included)' })
  async product(@Parent() order: OrderModel, @Loaders() loaders: GraphLoaders): Promise<ProductModel | null> {
    const product = await loaders.products().load(order.productId);
    return product ? ProductModel.from(product) : null;
  }

  @ResolveField(() => LedgerEntryConnection, { ...boundedConnectionComplexity(MAX_ORDER_ENTRIES), description: 'The wallet movements of this order: its debit, and its refund if it failed, oldest first.' })
  async ledgerEntries(
    @Parent() order: OrderModel,
    @CurrentPrincipal() principal: Principal,
    @Loaders() loaders: GraphLoaders,
    @Args() args: ConnectionArgs,
  ): Promise<Connection<LedgerEntryModel>> {
    const entries = canSeeMode(principal, order.mode) ? ((await loaders.orderLedgerEntries(principal.accountId, order.mode).load(order.databaseId)) ?? []) : [];
    return connectionOfList(entries.map((e) => LedgerEntryModel.from(e, order.mode)), (e) => e.databaseId, args);
  }

  @ResolveField(() => BatchModel, { nullable: true, description: 'The batch that made the order, if any' })
  async batch(@Parent() order: OrderModel, @CurrentPrincipal() principal: Principal, @Loaders() loaders: GraphLoaders): Promise<BatchModel | null> {
    if (!order.batchId || !canSeeMode(principal, order.mode)) return null;
    const batch = await loaders.batches(principal.accountId, order.mode).load(order.batchId);
    return batch ? BatchModel.from(batch) : null;
  }
}

@Resolver(() => BatchModel)
export class BatchResolver {
  constructor(private readonly rpc: RpcClient) {}

  @ResolveField(() => OrderConnection, { ...CONNECTION_COMPLEXITY, description: "The batch's orders, newest first." })
  async orders(
    @Parent() batch: BatchModel,
    @CurrentPrincipal() principal: Principal,
    @Args() args: OrdersArgs,
  ): Promise<Connection<OrderModel>> {
    const found = await this.rpc.request(Rpc.orders.list, {
      account_id: principal.accountId,
      mode: batch.mode,
      batch_id: batch.databaseId,
      ...filtersOf(args),
      ...pageRequestOf(args),
    });
    return connectionOf(found, OrderModel.from);
  }
}
