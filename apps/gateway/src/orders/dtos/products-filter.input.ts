import { Field, InputType } from '@nestjs/graphql';
import { PickType } from '@nestjs/mapped-types';
import { ListProductsRequest, type ProductKind } from '@airtime/contracts';

@InputType('ProductsFilterInput')
export class ProductsFilterInput extends PickType(ListProductsRequest, ['country', 'network', 'kind', 'currency'] as const) {
  @Field({ nullable: true }) override country?: string;
  @Field({ nullable: true }) override network?: string;
  @Field({ nullable: true }) override kind?: ProductKind;
  @Field({ nullable: true }) override currency?: string;
}
