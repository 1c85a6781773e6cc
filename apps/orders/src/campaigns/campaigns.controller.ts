import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CampaignRequest, type CampaignPageView, type CampaignPayoutPageView, type CampaignPayoutView, type CampaignView, CreateCampaignRequest, type CreatedCampaignView,
  GetCampaignsRequest, ListCampaignPayoutsRequest, ListCampaignsRequest, PayCampaignRequest, Rpc, SetCampaignPausedRequest,
} from '@airtime/contracts';
import { RpcHandler } from '@airtime/platform';
import { campaignNotFound } from './campaigns.exceptions.js';
import { CreateCampaignCommand } from './use-cases/create-campaign/create-campaign.command.js';
import { CreateCampaignUseCase } from './use-cases/create-campaign/create-campaign.use-case.js';
import { GetCampaignsCommand } from './use-cases/get-campaigns/get-campaigns.command.js';
import { GetCampaignsUseCase } from './use-cases/get-campaigns/get-campaigns.use-case.js';
import { ListCampaignPayoutsCommand } from './use-cases/list-campaign-payouts/list-campaign-payouts.command.js';
import { ListCampaignPayoutsUseCase } from './use-cases/list-campaign-payouts/list-campaign-payouts.use-case.js';
import { ListCampaignsCommand } from './use-cases/list-campaigns/list-campaigns.command.js';
import { ListCampaignsUseCase } from './use-cases/list-campaigns/list-campaigns.use-case.js';
import { PayCampaignCommand } from './use-cases/pay-campaign/pay-campaign.command.js';
import { PayCampaignUseCase } from './use-cases/pay-campaign/pay-campaign.use-case.js';
import { RotateCampaignSecretCommand } from './use-cases/rotate-campaign-secret/rotate-campaign-secret.command.js';
import { RotateCampaignSecretUseCase } from './use-cases/rotate-campaign-secret/rotate-campaign-secret.use-case.js';
import { SetCampaignPausedCommand } from './use-cases/set-campaign-paused/set-campaign-paused.command.js';
import { SetCampaignPausedUseCase } from './use-cases/set-campaign-paused/set-campaign-paused.use-case.js';

@Controller()
export class CampaignsController {
  constructor(
    private readonly createCampaign: CreateCampaignUseCase,
    private readonly getCampaigns: GetCampaignsUseCase,
    private readonly listCampaigns: ListCampaignsUseCase,
    private readonly setPaused: SetCampaignPausedUseCase,
    private readonly rotateSecret: RotateCampaignSecretUseCase,
    private readonly listPayouts: ListCampaignPayoutsUseCase,
    private readonly payCampaign: PayCampaignUseCase,
  ) {}

  @RpcHandler(Rpc.orders.createCampaign)
  create(@Payload() request: CreateCampaignRequest): Promise<CreatedCampaignView> {
    return this.createCampaign.execute(new CreateCampaignCommand({ request }));
  }

  @RpcHandler(Rpc.orders.getCampaign)
  async get(@Payload() request: CampaignRequest): Promise<CampaignView> {
    const [campaign] = await this.getCampaigns.execute(new GetCampaignsCommand({ accountId: request.account_id, mode: request.mode, ids: [request.campaign_id] }));
    if (!campaign) throw campaignNotFound();
    return campaign;
  }

  @RpcHandler(Rpc.orders.getCampaigns)
  getMany(@Payload() request: GetCampaignsRequest): Promise<CampaignView[]> {
    return this.getCampaigns.execute(new GetCampaignsCommand({ accountId: request.account_id, mode: request.mode, ids: request.ids }));
  }

  @RpcHandler(Rpc.orders.listCampaigns)
  list(@Payload() request: ListCampaignsRequest): Promise<CampaignPageView> {
    return this.listCampaigns.execute(new ListCampaignsCommand({ request }));
  }

  @RpcHandler(Rpc.orders.setCampaignPaused)
  pause(@Payload() request: SetCampaignPausedRequest): Promise<CampaignView> {
    return this.setPaused.execute(new SetCampaignPausedCommand({ request }));
  }

  @RpcHandler(Rpc.orders.rotateCampaignSecret)
  rotate(@Payload() request: CampaignRequest): Promise<CreatedCampaignView> {
    return this.rotateSecret.execute(new RotateCampaignSecretCommand({ request }));
  }

  @RpcHandler(Rpc.orders.listCampaignPayouts)
  payouts(@Payload() request: ListCampaignPayoutsRequest): Promise<CampaignPayoutPageView> {
    return this.listPayouts.execute(new ListCampaignPayoutsCommand({ request }));
  }

  @RpcHandler(Rpc.orders.payCampaign)
  pay(@Payload() request: PayCampaignRequest): Promise<CampaignPayoutView> {
    return this.payCampaign.execute(new PayCampaignCommand({ campaignId: request.campaign_id, body: Buffer.from(request.body_base64, 'base64'), signature: request.signature }));
  }
}
