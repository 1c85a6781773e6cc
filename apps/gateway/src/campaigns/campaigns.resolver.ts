import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type ApiKeyMode, Rpc } from '@airtime/contracts';
import { PlatformError, RpcClient } from '@airtime/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { PrincipalGuard } from '../auth/principal.guard.js';
import { type Connection, CONNECTION_COMPLEXITY, ConnectionArgs, connectionOf, ModeConnectionArgs, pageRequestOf } from '../graph/connection.js';
import { globalIdOf } from '../graph/global-id.js';
import { Loaders } from '../graph/graph-context.js';
import type { GraphLoaders } from '../graph/graph-loaders.js';
import { canSeeMode, graphMode } from '../graph/mode.js';
import { AccountModel } from '../identity/dtos/account.model.js';
import { OrderModel } from '../orders/dtos/order.model.js';
import { CampaignConnection, CampaignPayload, CampaignPayoutConnection, CampaignRefInput, CampaignSecretPayload, CreateCampaignInput } from './dtos/campaign.inputs.js';
import { CampaignModel, CampaignPayoutModel } from './dtos/campaign.model.js';

/** The account's payout campaigns. */
@Resolver(() => AccountModel)
export class AccountCampaignsResolver {
  constructor(private readonly rpc: RpcClient) {}

  @ResolveField(() => CampaignConnection, { ...CONNECTION_COMPLEXITY, description: 'Payout campaigns, newest first.' })
  async campaigns(@CurrentPrincipal() principal: Principal, @Args() args: ModeConnectionArgs): Promise<Connection<CampaignModel>> {
    const found = await this.rpc.request(Rpc.orders.listCampaigns, { account_id: principal.accountId, mode: graphMode(principal, args.mode), ...pageRequestOf(args) });
    return connectionOf(found, CampaignModel.from);
  }
}

@Resolver(() => CampaignModel)
export class CampaignsResolver {
  constructor(private readonly rpc: RpcClient) {}

  @ResolveField(() => CampaignPayoutConnection, { ...CONNECTION_COMPLEXITY, description: "The campaign's payouts, newest first." })
  async payouts(@Parent() campaign: CampaignModel, @CurrentPrincipal() principal: Principal, @Args() args: ConnectionArgs): Promise<Connection<CampaignPayoutModel>> {
    const found = await this.rpc.request(Rpc.orders.listCampaignPayouts, { account_id: principal.accountId, mode: campaign.mode, campaign_id: campaign.databaseId, ...pageRequestOf(args) });
    return connectionOf(found, (p) => CampaignPayoutModel.from(p, campaign.mode));
  }

  @Mutation(() => CampaignSecretPayload, { description: 'A new payout campaign; the payload carries its signing secret, once.' })
  @UseGuards(PrincipalGuard)
  async createCampaign(@CurrentPrincipal() p: Principal, @Args('input') input: CreateCampaignInput): Promise<CampaignSecretPayload> {
    const created = await this.rpc.request(Rpc.orders.createCampaign, {
      account_id: p.accountId, mode: graphMode(p, input.mode), name: input.name, product_id: input.productId, budget: input.budget,
      ...(input.amount !== undefined && input.amount !== null ? { amount: input.amount } : {}),
      ...(input.minAmount !== undefined && input.minAmount !== null ? { min_amount: input.minAmount } : {}),
      ...(input.maxAmount !== undefined && input.maxAmount !== null ? { max_amount: input.maxAmount } : {}),
      ...(input.endsAt !== undefined && input.endsAt !== null ? { ends_at: input.endsAt } : {}),
      ...(input.onePerPhone !== undefined && input.onePerPhone !== null ? { one_per_phone: input.onePerPhone } : {}),
    });
    return { campaign: CampaignModel.from(created), secret: created.secret };
  }

  @Mutation(() => CampaignPayload, { description: 'New payouts are refused (CAMPAIGN_PAUSED) until the campaign is resumed.' })
  @UseGuards(PrincipalGuard)
  async pauseCampaign(@CurrentPrincipal() p: Principal, @Args('input') input: CampaignRefInput): Promise<CampaignPayload> {
    return { campaign: CampaignModel.from(await this.rpc.request(Rpc.orders.setCampaignPaused, { ...campaignRef(p, input.id), account_id: p.accountId, paused: true })) };
  }

  @Mutation(() => CampaignPayload)
  @UseGuards(PrincipalGuard)
  async resumeCampaign(@CurrentPrincipal() p: Principal, @Args('input') input: CampaignRefInput): Promise<CampaignPayload> {
    return { campaign: CampaignModel.from(await this.rpc.request(Rpc.orders.setCampaignPaused, { ...campaignRef(p, input.id), account_id: p.accountId, paused: false })) };
  }

  @Mutation(() => CampaignSecretPayload, { description: 'A new signing secret, shown once; the old one stops working at once.' })
  @UseGuards(PrincipalGuard)
  async rotateCampaignSecret(@CurrentPrincipal() p: Principal, @Args('input') input: CampaignRefInput): Promise<CampaignSecretPayload> {
    const rotated = await this.rpc.request(Rpc.orders.rotateCampaignSecret, { ...campaignRef(p, input.id), account_id: p.accountId });
    return { campaign: CampaignModel.from(rotated), secret: rotated.secret };
  }
}

@Resolver(() => CampaignPayoutModel)
export class CampaignPayoutResolver {
  @ResolveField(() => OrderModel, { nullable: true, description: 'The ordinary order that pays this completion' })
  async order(@Parent() payout: CampaignPayoutModel, @CurrentPrincipal() principal: Principal, @Loaders() loaders: GraphLoaders): Promise<OrderModel | null> {
    if (!payout.orderId || !canSeeMode(principal, payout.mode)) return null;
    const order = await loaders.orders(principal.accountId, payout.mode).load(payout.orderId);
    return order ? OrderModel.from(order) : null;
  }
}

/**
 * A campaign named by global id: its mode comes from the id, and one the caller cannot see is "not
 * found" like any other (a test key cannot touch a live campaign).
 */
function campaignRef(principal: Principal, globalId: string): { mode: ApiKeyMode; campaign_id: string } {
  const [mode = '', id = ''] = globalIdOf('Campaign', globalId, 'id');
  if ((mode !== 'live' && mode !== 'test') || !canSeeMode(principal, mode)) throw new PlatformError('CAMPAIGN_NOT_FOUND', 'Campaign not found');
  return { mode, campaign_id: id };
}
