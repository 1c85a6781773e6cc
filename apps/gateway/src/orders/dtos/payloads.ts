import { Field, ObjectType } from '@nestjs/graphql';
import { OrderModel } from './order.model.js';
import { ProductModel } from './product.model.js';

@ObjectType('SendRechargePayload')
export class SendRechargePayload {
  @Field(() => OrderModel, { description: 'The order, new or (for a repeated agentReference) the one already made' }) order: OrderModel;
}

@ObjectType('UpsertProductPayload')
export class UpsertProductPayload {
  @Field(() => ProductModel) product: ProductModel;
}
