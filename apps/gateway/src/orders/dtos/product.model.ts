import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { ProductView } from '@airtime/contracts';

@ObjectType('Product')
export class ProductModel {
  @Field(() => Int) id: number;
  @Field() name: string;
  @Field() country: string;
  @Field() network: string;
  @Field() kind: string;
  @Field() currency: string;
  @Field(() => String, { nullable: true }) minAmount: string | null;
  @Field(() => String, { nullable: true }) maxAmount: string | null;
  @Field(() => [String], { nullable: true }) denominations: string[] | null;
  @Field() upstream: string;
  @Field() active: boolean;

  static from(v: ProductView): ProductModel {
    return Object.assign(new ProductModel(), {
      id: v.id, name: v.name, country: v.country, network: v.network, kind: v.kind, currency: v.currency,
      minAmount: v.min_amount, maxAmount: v.max_amount, denominations: v.denominations, upstream: v.upstream, active: v.active,
    });
  }
}
