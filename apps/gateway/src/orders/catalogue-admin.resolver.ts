import { UseGuards } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Rpc } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { OperatorGuard } from '../auth/operator.guard.js';
import { OrderModel } from './dtos/order.model.js';
import { ProductModel } from './dtos/product.model.js';
import { UpsertProductInput } from './dtos/upsert-product.input.js';

/** What platform operators manage: the catalogue, and the orders the reconciler could not resolve. */
@Resolver()
@UseGuards(OperatorGuard)
export class CatalogueAdminResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Mutation(() => ProductModel, { description: 'Operators: creates a product or changes one (by id); active: false withdraws it.' })
  async upsertProduct(@Args('input') input: UpsertProductInput): Promise<ProductModel> {
    const product = await this.rpc.request(Rpc.orders.upsertProduct, {
      id: input.id,
      name: input.name,
      country: input.country,
      network: input.network,
      kind: input.kind,
      currency: input.currency,
      ...(input.minMinor ? { min_minor: input.minMinor } : {}),
      ...(input.maxMinor ? { max_minor: input.maxMinor } : {}),
      ...(input.denominationsMinor ? { denominations_minor: input.denominationsMinor } : {}),
      upstream: input.upstream,
      ...(input.upstreamProduct ? { upstream_product: input.upstreamProduct } : {}),
      active: input.active,
    });
    return ProductModel.from(product);
  }

  @Query(() => [OrderModel], { description: 'Operators: unknown orders the reconciler could not resolve in time. They are never refunded blindly.' })
  async ordersNeedingAttention(@Args('limit', { type: () => Int, nullable: true }) limit?: number): Promise<OrderModel[]> {
    const orders = await this.rpc.request(Rpc.orders.listAttention, limit ? { limit } : {});
    return orders.map(OrderModel.from);
  }
}
