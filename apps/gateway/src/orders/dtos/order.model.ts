import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { OrderAttemptView, OrderView } from '@airtime/contracts';
import { toGlobalId } from '../../graph/global-id.js';
import { ModeEnum } from '../../graph/mode.js';
import { NodeModel } from '../../graph/node.model.js';

@ObjectType('OrderAttempt', { description: 'One upstream the order was sent to, and what it said; a second only after the first had certainly not delivered' })
export class OrderAttemptModel {
  @Field() upstream: string;
  @Field({ description: 'pending, success, failed or unknown (may or may not have delivered: resolved by the reconciler, never sent elsewhere)' }) status: string;
  @Field(() => String, { nullable: true }) errorCode: string | null;
  @Field(() => String, { nullable: true, description: "The upstream's own code or status word" }) upstreamCode: string | null;
  @Field(() => String, { nullable: true }) message: string | null;
  @Field(() => String, { nullable: true }) providerRef: string | null;
  @Field() startedAt: string;
  @Field(() => String, { nullable: true }) finishedAt: string | null;

  static from(a: OrderAttemptView): OrderAttemptModel {
    return Object.assign(new OrderAttemptModel(), {
      upstream: a.upstream, status: a.status, errorCode: a.error_code, upstreamCode: a.upstream_code, message: a.message, providerRef: a.provider_ref,
      startedAt: a.started_at, finishedAt: a.finished_at,
    });
  }
}

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
  @Field(() => [OrderAttemptModel], { description: 'Every upstream the order was sent to, in order (its timeline of attempts)' }) attempts: OrderAttemptModel[];
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
      errorCode: v.error_code, message: v.message, needsAttention: v.needs_attention, attempts: (v.attempts ?? []).map(OrderAttemptModel.from), createdAt: v.created_at, updatedAt: v.updated_at,
      batchId: v.batch_id ?? null,
    });
  }
}
