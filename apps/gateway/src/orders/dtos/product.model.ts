import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ProductView } from '@airtime/contracts';
import { toGlobalId } from '../../graph/global-id.js';
import { NodeModel } from '../../graph/node.model.js';

@ObjectType('Product', { implements: () => [NodeModel] })
export class ProductModel implements NodeModel {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: "The product_id 001's REST orders take" }) productId: number;
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
      id: toGlobalId('Product', v.id), productId: v.id, name: v.name, country: v.country, network: v.network, kind: v.kind, currency: v.currency,
      minAmount: v.min_amount, maxAmount: v.max_amount, denominations: v.denominations, upstream: v.upstream, active: v.active,
    });
  }
}
