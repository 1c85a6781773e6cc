import { Injectable } from '@nestjs/common';
import type { CampaignView } from '@airtime/contracts';
import { CampaignStore } from '../../campaign-store.js';
import { campaignViews } from '../../campaign-views.js';
import { GetCampaignsCommand } from './get-campaigns.command.js';

/** The account's campaigns in one mode by id, with spend, remaining budget and payout counts. */
@Injectable()
export class GetCampaignsUseCase {
  constructor(private readonly store: CampaignStore) {}

  async execute(command: GetCampaignsCommand): Promise<CampaignView[]> {
    return campaignViews(this.store, await this.store.byIds(command.accountId, command.mode, [...new Set(command.ids)]));
  }
}
