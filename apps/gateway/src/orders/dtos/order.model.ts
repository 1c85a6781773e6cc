import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { OrderView } from '@airtime/contracts';

@ObjectType('Order')
export class OrderModel {
  @Field(() => ID) id: string;
  @Field() agentReference: string;
  @Field({ description: 'pending, success, failed, refunded, unknown or reversed' }) status: string;
  @Field() mode: string;
  @Field(() => Int) productId: number;
  @Field() kind: string;
  @Field() country: string;
  @Field() network: string;
  @Field() target: string;
  @Field() currency: string;
  @Field() amount: string;
  @Field() amountMinor: string;
  @Field(() => String, { nullable: true }) providerRef: string | null;
  @Field(() => String, { nullable: true }) pin: string | null;
  @Field(() => String, { nullable: true }) serial: string | null;
  @Field(() => String, { nullable: true }) ussd: string | null;
  @Field(() => String, { nullable: true }) token: string | null;
  @Field(() => String, { nullable: true }) customerName: string | null;
  @Field(() => String, { nullable: true }) errorCode: string | null;
  @Field(() => String, { nullable: true }) message: string | null;
  @Field() needsAttention: boolean;
  @Field() createdAt: string;
  @Field() updatedAt: string;

  static from(v: OrderView): OrderModel {
    return Object.assign(new OrderModel(), {
      id: v.id, agentReference: v.agent_reference, status: v.status, mode: v.mode, productId: v.product_id, kind: v.kind,
      country: v.country, network: v.network, target: v.target, currency: v.currency, amount: v.amount, amountMinor: v.amount_minor,
      providerRef: v.provider_ref, pin: v.pin, serial: v.serial, ussd: v.ussd, token: v.token, customerName: v.customer_name,
      errorCode: v.error_code, message: v.message, needsAttention: v.needs_attention, createdAt: v.created_at, updatedAt: v.updated_at,
    });
  }
}
