import type { CampaignView } from '@airtime/contracts';
import { NO_FIGURES, type CampaignRow, toCampaignView } from './campaign-row.js';
import type { CampaignStore } from './campaign-store.js';

/** Campaigns as their owner sees them, their payouts summed in one query. */
export async function campaignViews(store: CampaignStore, campaigns: CampaignRow[]): Promise<CampaignView[]> {
  if (campaigns.length === 0) return [];
  const figures = await store.figures(campaigns.map((c) => c.id));
  return campaigns.map((c) => toCampaignView(c, figures.get(c.id) ?? NO_FIGURES));
}
