import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { type CampaignView, type CreatedCampaignView, type PageView, Rpc } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { PrincipalGuard } from '../auth/principal.guard.js';
import { type ApiResponse, ok } from '../http/api-response.js';
import { ApiEnvelope, ApiErrors } from '../openapi/api-responses.js';
import { ModeQuery } from '../wallet/dtos/mode.query.js';
import { modeOf } from '../wallet/principal-mode.js';
import { CampaignPayoutsQuery, CampaignsQuery, CreateCampaignBody } from './dtos/campaign.bodies.js';
import { CampaignPageResponse, CampaignPayoutPageResponse, CampaignResponse, CreatedCampaignResponse } from './dtos/campaign.responses.js';

/** A REST page: the items and the cursor of the next page, as the ledger pages. */
function restPage<T>(page: PageView<T>): { items: T[]; next_cursor: string | null } {
  return { items: page.edges.map((e) => e.node), next_cursor: page.has_next_page ? (page.edges.at(-1)?.cursor ?? null) : null };
}

/**
 * A tenant's payout campaigns, in one mode at a time (an API key's own; a user's choice, default
 * live): a test key's campaigns pay test orders. The signing secret is in the answers to create and
 * rotate-secret only.
 */
@Controller('api/v1/campaigns')
@UseGuards(PrincipalGuard)
export class CampaignsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create a payout campaign; its signing secret is in this answer only',
    description: 'A fixed `amount` per payout, or `min_amount` and `max_amount`; `budget` in major units of the product\'s currency; `one_per_phone` defaults to true.',
  })
  @ApiEnvelope(201, 'The campaign, with its secret', CreatedCampaignResponse)
  @ApiErrors({ status: 422, codes: ['PRODUCT_NOT_FOUND', 'AMOUNT_OUT_OF_RANGE'] })
  async create(@CurrentPrincipal() p: Principal, @Body() body: CreateCampaignBody): Promise<ApiResponse<CreatedCampaignView>> {
    const { mode, ...campaign } = body;
    return ok('campaign created; store the secret now, it is not shown again', await this.rpc.request(Rpc.orders.createCampaign, { ...campaign, account_id: p.accountId, mode: modeOf(p, mode) }));
  }

  @Get()
  @ApiOperation({ summary: "The account's campaigns in one mode, newest first" })
  @ApiEnvelope(200, 'A page of campaigns', CampaignPageResponse)
  async list(@CurrentPrincipal() p: Principal, @Query() query: CampaignsQuery): Promise<ApiResponse<{ campaigns: CampaignView[]; next_cursor: string | null }>> {
    const { mode, ...paging } = query;
    const { items, next_cursor } = restPage(await this.rpc.request(Rpc.orders.listCampaigns, { ...paging, account_id: p.accountId, mode: modeOf(p, mode) }));
    return ok('campaigns retrieved', { campaigns: items, next_cursor });
  }

  @Get(':id')
  @ApiOperation({ summary: 'A campaign with its spend, remaining budget and payout counts' })
  @ApiEnvelope(200, 'The campaign', CampaignResponse)
  @ApiErrors({ status: 404, codes: ['CAMPAIGN_NOT_FOUND'] })
  async get(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Query() query: ModeQuery): Promise<ApiResponse<CampaignView>> {
    return ok('campaign retrieved', await this.rpc.request(Rpc.orders.getCampaign, { account_id: p.accountId, mode: modeOf(p, query.mode), campaign_id: id }));
  }

  @Get(':id/payouts')
  @ApiOperation({ summary: "A campaign's payouts with their orders' statuses, newest first" })
  @ApiEnvelope(200, 'A page of payouts', CampaignPayoutPageResponse)
  @ApiErrors({ status: 404, codes: ['CAMPAIGN_NOT_FOUND'] })
  async payouts(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Query() query: CampaignPayoutsQuery): Promise<ApiResponse<{ payouts: unknown[]; next_cursor: string | null }>> {
    const { mode, ...paging } = query;
    const { items, next_cursor } = restPage(await this.rpc.request(Rpc.orders.listCampaignPayouts, { ...paging, account_id: p.accountId, mode: modeOf(p, mode), campaign_id: id }));
    return ok('payouts retrieved', { payouts: items, next_cursor });
  }

  @Post(':id/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause a campaign: new payouts are refused (409 CAMPAIGN_PAUSED) until it is resumed' })
  @ApiEnvelope(200, 'The campaign', CampaignResponse)
  @ApiErrors({ status: 404, codes: ['CAMPAIGN_NOT_FOUND'] })
  async pause(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Query() query: ModeQuery): Promise<ApiResponse<CampaignView>> {
    return ok('campaign paused', await this.rpc.request(Rpc.orders.setCampaignPaused, { account_id: p.accountId, mode: modeOf(p, query.mode), campaign_id: id, paused: true }));
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused campaign' })
  @ApiEnvelope(200, 'The campaign', CampaignResponse)
  @ApiErrors({ status: 404, codes: ['CAMPAIGN_NOT_FOUND'] })
  async resume(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Query() query: ModeQuery): Promise<ApiResponse<CampaignView>> {
    return ok('campaign resumed', await this.rpc.request(Rpc.orders.setCampaignPaused, { account_id: p.accountId, mode: modeOf(p, query.mode), campaign_id: id, paused: false }));
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate the signing secret: the new one is in this answer only, and the old one stops working at once' })
  @ApiEnvelope(200, 'The campaign, with its new secret', CreatedCampaignResponse)
  @ApiErrors({ status: 404, codes: ['CAMPAIGN_NOT_FOUND'] })
  async rotate(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Query() query: ModeQuery): Promise<ApiResponse<CreatedCampaignView>> {
    return ok('secret rotated; store it now, it is not shown again', await this.rpc.request(Rpc.orders.rotateCampaignSecret, { account_id: p.accountId, mode: modeOf(p, query.mode), campaign_id: id }));
  }
}
