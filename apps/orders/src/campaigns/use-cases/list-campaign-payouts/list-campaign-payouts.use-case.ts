import { Injectable } from '@nestjs/common';
import type { CampaignPayoutPageView } from '@airtime/contracts';
import { fetchPage } from '@airtime/platform';
import { toPayoutView } from '../../campaign-row.js';
import { CampaignStore } from '../../campaign-store.js';
import { campaignNotFound } from '../../campaigns.exceptions.js';
import { ListCampaignPayoutsCommand } from './list-campaign-payouts.command.js';

/** A campaign's payouts with their orders' statuses, newest first; a cursor is a payout's `seq`. */
@Injectable()
export class ListCampaignPayoutsUseCase {
  constructor(private readonly store: CampaignStore) {}

  async execute({ request }: ListCampaignPayoutsCommand): Promise<CampaignPayoutPageView> {
    const [campaign] = await this.store.byIds(request.account_id, request.mode, [request.campaign_id]);
    if (!campaign) throw campaignNotFound();
    return fetchPage(request, 50, (seek) => this.store.listPayouts(campaign.id, seek), (p) => p.seq, (p) => toPayoutView(p, campaign.currency));
  }
}
