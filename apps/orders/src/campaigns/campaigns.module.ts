import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { CampaignSecrets } from './campaign-secrets.js';
import { CampaignStore } from './campaign-store.js';
import { CampaignsController } from './campaigns.controller.js';
import { PayoutOrder } from './payout-order.js';
import { PayoutResumeJob } from './payout-resume.job.js';
import { CreateCampaignUseCase } from './use-cases/create-campaign/create-campaign.use-case.js';
import { GetCampaignsUseCase } from './use-cases/get-campaigns/get-campaigns.use-case.js';
import { ListCampaignPayoutsUseCase } from './use-cases/list-campaign-payouts/list-campaign-payouts.use-case.js';
import { ListCampaignsUseCase } from './use-cases/list-campaigns/list-campaigns.use-case.js';
import { PayCampaignUseCase } from './use-cases/pay-campaign/pay-campaign.use-case.js';
import { ResumePayoutsUseCase } from './use-cases/resume-payouts/resume-payouts.use-case.js';
import { RotateCampaignSecretUseCase } from './use-cases/rotate-campaign-secret/rotate-campaign-secret.use-case.js';
import { SetCampaignPausedUseCase } from './use-cases/set-campaign-paused/set-campaign-paused.use-case.js';

const USE_CASES = [CreateCampaignUseCase, GetCampaignsUseCase, ListCampaignsUseCase, SetCampaignPausedUseCase, RotateCampaignSecretUseCase, ListCampaignPayoutsUseCase, PayCampaignUseCase, ResumePayoutsUseCase];

@Module({ imports: [CatalogueModule, OrdersModule], controllers: [CampaignsController], providers: [...USE_CASES, CampaignStore, CampaignSecrets, PayoutOrder, PayoutResumeJob] })
export class CampaignsModule {}
