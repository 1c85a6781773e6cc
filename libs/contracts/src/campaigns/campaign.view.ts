import type { ApiKeyMode } from '../identity/api-key-mode.js';
import type { PageView } from '../paging/page.js';

export const CAMPAIGN_STATUSES = ['active', 'paused', 'ended'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/**
 * A payout campaign with its money so far, in major units ("5.00") and exactly in minor units:
 * `spent` is paid out (orders that succeeded), `in_flight` is reserved by payouts still under way,
 * and `remaining` = budget − spent − in_flight. Failed and refunded payouts hold nothing.
 */
export interface CampaignView {
  id: string;
  name: string;
  mode: ApiKeyMode;
  status: CampaignStatus;
  product_id: number;
  currency: string;
  /** The fixed amount of each payout, or null when a range is set. */
  amount: string | null;
  min_amount: string | null;
  max_amount: string | null;
  budget: string;
  budget_minor: string;
  spent: string;
  spent_minor: string;
  in_flight: string;
  in_flight_minor: string;
  remaining: string;
  remaining_minor: string;
  /** Payouts by their order's status (001's statuses; `pending` includes payouts not yet ordered). */
  payout_counts: Record<string, number>;
  one_per_phone: boolean;
  ends_at: string | null;
  created_at: string;
}

/** A campaign just created, or whose secret was just rotated: the secret is shown this once. */
export interface CreatedCampaignView extends CampaignView {
  secret: string;
}

/** One payout: a completion paid by an ordinary order (`order_id`, its `agent_reference`). */
export interface CampaignPayoutView {
  id: string;
  campaign_id: string;
  completion_id: string;
  /** The recipient in international digits. */
  phone: string;
  currency: string;
  amount: string;
  amount_minor: string;
  /** The order's status as 001 shows it; `pending` until the order exists. */
  status: string;
  order_id: string | null;
  agent_reference: string;
  created_at: string;
}

export type CampaignPageView = PageView<CampaignView>;
export type CampaignPayoutPageView = PageView<CampaignPayoutView>;
