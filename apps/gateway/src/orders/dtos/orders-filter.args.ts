import { ArgsType, Field } from '@nestjs/graphql';
import { PickType } from '@nestjs/mapped-types';
import { ModeScoped, Paged } from '../../graph/connection.js';
import { ListOrdersRequest, ListProductsRequest, type OrderStatus, type ProductKind } from '@airtime/contracts';

/** ListOrdersRequest's filters, each optional; paging is the connection's own arguments. */
@ArgsType()
class OrdersFilter extends PickType(ListOrdersRequest, ['status', 'network', 'target', 'from', 'to'] as const) {
  @Field(() => String, { nullable: true, description: 'pending, success, failed, refunded, unknown or reversed' }) override status?: OrderStatus;
  @Field({ nullable: true }) override network?: string;
  @Field({ nullable: true, description: 'The recipient, in any form 001 accepts' }) override target?: string;
  @Field({ nullable: true, description: 'ISO 8601: created at or after' }) override from?: string;
  @Field({ nullable: true, description: 'ISO 8601: created before' }) override to?: string;
}

/** ListProductsRequest's filters, each optional. */
@ArgsType()
class ProductsFilter extends PickType(ListProductsRequest, ['country', 'network', 'kind', 'currency'] as const) {
  @Field({ nullable: true }) override country?: string;
  @Field({ nullable: true }) override network?: string;
  @Field(() => String, { nullable: true }) override kind?: ProductKind;
  @Field({ nullable: true }) override currency?: string;
}

/** A batch's orders: their filters and Relay's paging (the batch decides the mode). */
@ArgsType()
export class OrdersArgs extends Paged(OrdersFilter) {}

/** An account's orders: filters, paging and the mode. */
@ArgsType()
export class AccountOrdersArgs extends ModeScoped(OrdersArgs) {}

/** The catalogue: its filters and Relay's paging. */
@ArgsType()
export class ProductsArgs extends Paged(ProductsFilter) {}
