import { Resolver, Subscription } from '@nestjs/graphql';
import type { Principal } from '../auth/principal.js';
import { OrderModel } from '../orders/dtos/order.model.js';
import { ORDER_UPDATED, OrderEventsFeed, type OrderUpdate, WALLET_UPDATED, type WalletUpdate } from './order-events.feed.js';
import { WalletBalanceModel } from './wallet-balance.model.js';

/**
 * orderUpdated and walletUpdated over graphql-ws: a subscriber sees its own account only (a test key, only test money).
 * Each resolver returns a promise, settled once the feed reads the stream (graphql-js and Nest's filter wrapper await it).
 */
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
    return this.feed.subscribe(ORDER_UPDATED);
  }

  @Subscription(() => WalletBalanceModel, {
    description: "Every change of the caller's wallet balances.",
    filter: (update: WalletUpdate, _args: unknown, context: { principal?: Principal }) =>
      context.principal !== undefined &&
      update.accountId === context.principal.accountId &&
      (context.principal.kind === 'user' || context.principal.mode === update.mode),
    resolve: (update: WalletUpdate) => WalletBalanceModel.from(update),
  })
  walletUpdated() {
    return this.feed.subscribe(WALLET_UPDATED);
  }
}
