import { Module } from '@nestjs/common';
import { CampaignPayoutsController } from './campaign-payouts.controller.js';
import { CampaignsController } from './campaigns.controller.js';

@Module({ controllers: [CampaignsController, CampaignPayoutsController] })
export class CampaignsModule {}
