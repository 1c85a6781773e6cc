import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { CampaignPayoutView, CampaignView } from '@airtime/contracts';
import { toGlobalId } from '../../graph/global-id.js';
import { ModeEnum } from '../../graph/mode.js';
import { NodeModel } from '../../graph/node.model.js';

@ObjectType('CampaignPayoutCount')
export class CampaignPayoutCountModel {
  @Field() status: string;
  @Field(() => Int) count: number;
}

/** A payout campaign: signed completions paid by ordinary orders within a budget. */
@ObjectType('Campaign', { implements: () => [NodeModel] })
export class CampaignModel implements NodeModel {
  @Field(() => ID) id: string;
  @Field({ description: "The campaign's id in REST paths (POST /api/v1/campaigns/<id>/payouts)" }) databaseId: string;
  @Field() name: string;
  @Field(() => ModeEnum) mode: ModeEnum;
  @Field({ description: 'active, paused or ended' }) status: string;
  @Field(() => Int) productId: number;
  @Field() currency: string;
  @Field(() => String, { nullable: true, description: 'The fixed amount of each payout; null when the campaign pays within a range' }) amount: string | null;
  @Field(() => String, { nullable: true }) minAmount: string | null;
  @Field(() => String, { nullable: true }) maxAmount: string | null;
  @Field() budget: string;
  @Field() budgetMinor: string;
  @Field({ description: 'Paid out: payouts whose order succeeded' }) spent: string;
  @Field() spentMinor: string;
  @Field({ description: 'Reserved by payouts still under way' }) inFlight: string;
  @Field() inFlightMinor: string;
  @Field({ description: 'budget − spent − inFlight' }) remaining: string;
  @Field() remainingMinor: string;
  @Field(() => [CampaignPayoutCountModel], { description: "Payouts counted by their order's status" }) payoutCounts: CampaignPayoutCountModel[];
  @Field() onePerPhone: boolean;
  @Field(() => String, { nullable: true }) endsAt: string | null;
  @Field() createdAt: string;

  static from(v: CampaignView): CampaignModel {
    return Object.assign(new CampaignModel(), {
      id: toGlobalId('Campaign', v.mode, v.id), databaseId: v.id, name: v.name, mode: v.mode as ModeEnum, status: v.status, productId: v.product_id,
      currency: v.currency, amount: v.amount, minAmount: v.min_amount, maxAmount: v.max_amount, budget: v.budget, budgetMinor: v.budget_minor,
      spent: v.spent, spentMinor: v.spent_minor, inFlight: v.in_flight, inFlightMinor: v.in_flight_minor, remaining: v.remaining,
      remainingMinor: v.remaining_minor, payoutCounts: Object.entries(v.payout_counts).map(([status, count]) => ({ status, count })),
      onePerPhone: v.one_per_phone, endsAt: v.ends_at, createdAt: v.created_at,
    });
  }
}

/** One paid completion; its order is Payout.order. */
@ObjectType('CampaignPayout')
export class CampaignPayoutModel {
  @Field() databaseId: string;
  @Field() completionId: string;
  @Field() phone: string;
  @Field() currency: string;
  @Field() amount: string;
  @Field() amountMinor: string;
  @Field({ description: "The order's status; pending until it is known" }) status: string;
  @Field() agentReference: string;
  @Field() createdAt: string;
  /** Followed by CampaignPayout.order. */
  orderId: string | null;
  mode: ModeEnum;

  static from(v: CampaignPayoutView, mode: ModeEnum): CampaignPayoutModel {
    return Object.assign(new CampaignPayoutModel(), {
      databaseId: v.id, completionId: v.completion_id, phone: v.phone, currency: v.currency, amount: v.amount, amountMinor: v.amount_minor,
      status: v.status, agentReference: v.agent_reference, createdAt: v.created_at, orderId: v.order_id, mode,
    });
  }
}
