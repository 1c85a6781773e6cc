import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Rpc } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { OperatorGuard } from '../auth/operator.guard.js';
import { type Connection, CONNECTION_COMPLEXITY, ConnectionArgs, connectionOfList } from '../graph/connection.js';
import { OrderConnection } from './dtos/connections.js';
import { OrderModel } from './dtos/order.model.js';
import { UpsertProductPayload } from './dtos/payloads.js';
import { ProductModel } from './dtos/product.model.js';
import { UpsertProductInput } from './dtos/upsert-product.input.js';

/** The most unresolved orders an operator's list holds: each one is a person's work, not a feed. */
const MAX_ATTENTION = 500;

/** What platform operators manage: the catalogue, and the orders the reconciler could not resolve. */
@Resolver()
@UseGuards(OperatorGuard)
export class CatalogueAdminResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Mutation(() => UpsertProductPayload, { description: 'Operators: creates a product or changes one (by id); active: false withdraws it.' })
  async upsertProduct(@Args('input') input: UpsertProductInput): Promise<UpsertProductPayload> {
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
    return { product: ProductModel.from(product) };
  }

  @Query(() => OrderConnection, { ...CONNECTION_COMPLEXITY, description: 'Operators: unknown orders the reconciler could not resolve in time, and orders two upstreams say they delivered, oldest first. They are never refunded blindly.' })
  async ordersNeedingAttention(@Args() page: ConnectionArgs): Promise<Connection<OrderModel>> {
    const orders = await this.rpc.request(Rpc.orders.listAttention, { limit: MAX_ATTENTION });
    return connectionOfList(orders.map(OrderModel.from), (o) => o.databaseId, page);
  }
}
