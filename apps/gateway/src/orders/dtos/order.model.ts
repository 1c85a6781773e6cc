import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { OrderView } from '@airtime/contracts';
import { toGlobalId } from '../../graph/global-id.js';
import { ModeEnum } from '../../graph/mode.js';
import { NodeModel } from '../../graph/node.model.js';

@ObjectType('Order', { implements: () => [NodeModel] })
export class OrderModel implements NodeModel {
  @Field(() => ID) id: string;
  @Field({ description: "The order's id in REST answers and webhook payloads" }) databaseId: string;
  @Field() agentReference: string;
  @Field({ description: 'pending, success, failed, refunded, unknown or reversed' }) status: string;
  @Field(() => ModeEnum) mode: ModeEnum;
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
  /** Followed by Order.batch; not a field of its own. */
  batchId: string | null;

  static from(v: OrderView): OrderModel {
    return Object.assign(new OrderModel(), {
      id: toGlobalId('Order', v.mode, v.id), databaseId: v.id,
      agentReference: v.agent_reference, status: v.status, mode: v.mode as ModeEnum, productId: v.product_id, kind: v.kind,
      country: v.country, network: v.network, target: v.target, currency: v.currency, amount: v.amount, amountMinor: v.amount_minor,
      providerRef: v.provider_ref, pin: v.pin, serial: v.serial, ussd: v.ussd, token: v.token, customerName: v.customer_name,
      errorCode: v.error_code, message: v.message, needsAttention: v.needs_attention, createdAt: v.created_at, updatedAt: v.updated_at,
      batchId: v.batch_id ?? null,
    });
  }
}
