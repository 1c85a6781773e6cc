import { Resolver, Subscription } from '@nestjs/graphql';
import type { Principal } from '../auth/principal.js';
import { OrderModel } from '../orders/dtos/order.model.js';
import { ORDER_UPDATED, OrderEventsFeed, type OrderUpdate } from './order-events.feed.js';

/** orderUpdated over graphql-ws: a subscriber sees its own account's orders (a test key, only test orders). */
@Resolver()
export class OrderUpdatesResolver {
  constructor(private readonly feed: OrderEventsFeed) {}

  @Subscription(() => OrderModel, {
    description: "Every change of status of the caller's orders.",
    filter: (update: OrderUpdate, _args: unknown, context: { principal?: Principal }) =>
      context.principal !== undefined &&
      update.accountId === context.principal.accountId &&
      (context.principal.kind === 'user' || context.principal.mode === update.order.mode),
    resolve: (update: OrderUpdate) => OrderModel.from(update.order),
  })
  orderUpdated() {
    return this.feed.pubSub.asyncIterableIterator(ORDER_UPDATED);
  }
}
