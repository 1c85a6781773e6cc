import { Injectable } from '@nestjs/common';
import type { CampaignView } from '@airtime/contracts';
import { CampaignStore } from '../../campaign-store.js';
import { campaignViews } from '../../campaign-views.js';
import { campaignNotFound } from '../../campaigns.exceptions.js';
import { SetCampaignPausedCommand } from './set-campaign-paused.command.js';

/**
 * Pauses or resumes a campaign. Payouts take the campaign's row lock, so once a pause is answered no
 * new payout starts; payouts already made run to their end.
 */
@Injectable()
export class SetCampaignPausedUseCase {
  constructor(private readonly store: CampaignStore) {}

  async execute({ request }: SetCampaignPausedCommand): Promise<CampaignView> {
    const campaign = await this.store.update(request.account_id, request.mode, request.campaign_id, { paused: request.paused });
    if (!campaign) throw campaignNotFound();
    return (await campaignViews(this.store, [campaign]))[0] as CampaignView;
  }
}
