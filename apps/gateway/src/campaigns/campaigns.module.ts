import { Module } from '@nestjs/common';
import { CampaignPayoutsController } from './campaign-payouts.controller.js';
import { CampaignsController } from './campaigns.controller.js';
import { AccountCampaignsResolver, CampaignPayoutResolver, CampaignsResolver } from './campaigns.resolver.js';

@Module({ controllers: [CampaignsController, CampaignPayoutsController], providers: [AccountCampaignsResolver, CampaignsResolver, CampaignPayoutResolver] })
export class CampaignsModule {}
