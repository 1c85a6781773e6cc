import { Field, InputType, Int } from '@nestjs/graphql';
import { PickType } from '@nestjs/mapped-types';
import { IsOptional } from 'class-validator';
import { IsPageCursor, IsPageSize, ListOrdersRequest, MAX_ORDERS_PAGE, type OrderStatus } from '@airtime/contracts';

/** ListOrdersRequest's filters; its limit and cursor are the connection's `first` and `after`. */
@InputType()
export class OrdersFilterInput extends PickType(ListOrdersRequest, ['status', 'network', 'target', 'from', 'to'] as const) {
  @Field({ nullable: true }) override status?: OrderStatus;
  @Field({ nullable: true }) override network?: string;
  @Field({ nullable: true }) override target?: string;
  @Field({ nullable: true }) override from?: string;
  @Field({ nullable: true }) override to?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsPageSize(MAX_ORDERS_PAGE) first?: number;
  @Field({ nullable: true }) @IsOptional() @IsPageCursor() after?: string;
}
