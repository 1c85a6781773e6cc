import type { ApiKeyMode, CampaignPayoutView, CampaignStatus, CampaignView, OrderStatus } from '@airtime/contracts';
import { formatMinor } from '@airtime/money';
import type { InternalOrderStatus } from '../orders/order-row.js';
import { publicStatus } from '../orders/order-row.js';

export interface CampaignRow {
  id: string;
  seq: string;
  account_id: string;
  mode: ApiKeyMode;
  name: string;
  product_id: number;
  currency: string;
  amount_minor: string | null;
  min_minor: string | null;
  max_minor: string | null;
  budget_minor: string;
  ends_at: Date | null;
  one_per_phone: boolean;
  paused: boolean;
  secret_sealed: string;
  created_at: Date;
}

export interface PayoutRow {
  id: string;
  seq: string;
  campaign_id: string;
  completion_id: string;
  phone: string;
  amount_minor: string;
  agent_reference: string;
  created_at: Date;
  /** The payout's order, found by its agent_reference; null until the order is made. */
  order_id: string | null;
  order_status: InternalOrderStatus | null;
}

/**
 * What a payout's order means for the budget: `spent` once it succeeded, `released` once it failed,
 * was refused or refunded (the money came back, so the budget does too), `in_flight` otherwise (no
 * order yet, or one still under way or unknown: its money may yet be spent).
 */
export type BudgetShare = 'spent' | 'in_flight' | 'released';

export const RELEASED_ORDER_STATUSES: InternalOrderStatus[] = ['rejected', 'failed', 'refunded', 'reversing', 'reversed'];

export function budgetShareOf(status: InternalOrderStatus | null): BudgetShare {
  if (status === 'success') return 'spent';
  if (status && RELEASED_ORDER_STATUSES.includes(status)) return 'released';
  return 'in_flight';
}

/** A campaign's payouts summed: per order status, amounts per budget share. */
export interface CampaignFigures {
  counts: Record<string, number>;
  spent: bigint;
  inFlight: bigint;
}

export const NO_FIGURES: CampaignFigures = { counts: {}, spent: 0n, inFlight: 0n };

export function campaignStatus(campaign: CampaignRow, now = new Date()): CampaignStatus {
  if (campaign.ends_at && new Date(campaign.ends_at) <= now) return 'ended';
  return campaign.paused ? 'paused' : 'active';
}

export function toCampaignView(campaign: CampaignRow, figures: CampaignFigures): CampaignView {
  const money = (minor: bigint | string) => formatMinor(BigInt(minor), campaign.currency);
  const budget = BigInt(campaign.budget_minor);
  const remaining = budget - figures.spent - figures.inFlight;
  return {
    id: campaign.id,
    name: campaign.name,
    mode: campaign.mode,
    status: campaignStatus(campaign),
    product_id: campaign.product_id,
    currency: campaign.currency,
    amount: campaign.amount_minor === null ? null : money(campaign.amount_minor),
    min_amount: campaign.min_minor === null ? null : money(campaign.min_minor),
    max_amount: campaign.max_minor === null ? null : money(campaign.max_minor),
    budget: money(budget),
    budget_minor: budget.toString(),
    spent: money(figures.spent),
    spent_minor: figures.spent.toString(),
    in_flight: money(figures.inFlight),
    in_flight_minor: figures.inFlight.toString(),
    remaining: money(remaining),
    remaining_minor: remaining.toString(),
    payout_counts: { ...figures.counts },
    one_per_phone: campaign.one_per_phone,
    ends_at: campaign.ends_at ? new Date(campaign.ends_at).toISOString() : null,
    created_at: new Date(campaign.created_at).toISOString(),
  };
}

export function toPayoutView(payout: PayoutRow, currency: string): CampaignPayoutView {
  const status: OrderStatus = payout.order_status ? publicStatus(payout.order_status) : 'pending';
  return {
    id: payout.id,
    campaign_id: payout.campaign_id,
    completion_id: payout.completion_id,
    phone: payout.phone,
    currency,
    amount: formatMinor(BigInt(payout.amount_minor), currency),
    amount_minor: String(payout.amount_minor),
    status,
    order_id: payout.order_id,
    agent_reference: payout.agent_reference,
    created_at: new Date(payout.created_at).toISOString(),
  };
}
