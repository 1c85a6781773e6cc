import { ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Rpc, type WebhookDeliveryStatus } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { PrincipalGuard } from '../auth/principal.guard.js';
import { CreateWebhookEndpointInput } from './dtos/create-webhook-endpoint.input.js';
import { WebhookDeliveryModel, WebhookEndpointModel } from './dtos/webhook-endpoint.model.js';
import { MODE_ARG, modeOf, modeOfArg } from '../wallet/principal-mode.js';

@Resolver()
@UseGuards(PrincipalGuard)
export class WebhooksResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => [WebhookEndpointModel])
  async webhookEndpoints(@CurrentPrincipal() p: Principal, @Args('mode', MODE_ARG) mode?: string): Promise<WebhookEndpointModel[]> {
    return (await this.rpc.request(Rpc.notifications.listEndpoints, { account_id: p.accountId, mode: modeOfArg(p, mode) })).map(WebhookEndpointModel.from);
  }

  @Mutation(() => WebhookEndpointModel, { description: 'The answer carries the signing secret, once.' })
  async createWebhookEndpoint(@CurrentPrincipal() p: Principal, @Args('input') input: CreateWebhookEndpointInput): Promise<WebhookEndpointModel> {
    return WebhookEndpointModel.from(await this.rpc.request(Rpc.notifications.createEndpoint, { account_id: p.accountId, mode: modeOf(p, input.mode), url: input.url, events: input.events }));
  }

  @Mutation(() => WebhookEndpointModel, { description: 'A new secret; the old one keeps signing beside it for overlapSeconds (default a day).' })
  async rotateWebhookSecret(
    @CurrentPrincipal() p: Principal,
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
    @Args('overlapSeconds', { type: () => Int, nullable: true }) overlapSeconds?: number,
    @Args('mode', MODE_ARG) mode?: string,
  ): Promise<WebhookEndpointModel> {
    return WebhookEndpointModel.from(await this.rpc.request(Rpc.notifications.rotateSecret, { account_id: p.accountId, mode: modeOfArg(p, mode), id, ...(overlapSeconds !== undefined ? { overlap_seconds: overlapSeconds } : {}) }));
  }

  @Mutation(() => WebhookEndpointModel)
  async deleteWebhookEndpoint(
    @CurrentPrincipal() p: Principal,
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
    @Args('mode', MODE_ARG) mode?: string,
  ): Promise<WebhookEndpointModel> {
    return WebhookEndpointModel.from(await this.rpc.request(Rpc.notifications.deleteEndpoint, { account_id: p.accountId, mode: modeOfArg(p, mode), id }));
  }

  @Query(() => [WebhookDeliveryModel])
  async webhookDeliveries(
    @CurrentPrincipal() p: Principal,
    @Args('status', { nullable: true }) status?: string,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
    @Args('mode', MODE_ARG) mode?: string,
  ): Promise<WebhookDeliveryModel[]> {
    const deliveries = await this.rpc.request(Rpc.notifications.listDeliveries, {
      account_id: p.accountId,
      mode: modeOfArg(p, mode),
      // Passed on as given: notifications validates it against the contract and names a bad one.
      ...(status ? { status: status as WebhookDeliveryStatus } : {}),
      ...(limit ? { limit } : {}),
    });
    return deliveries.map(WebhookDeliveryModel.from);
  }

  @Mutation(() => Int, { description: 'Re-sends one delivery, or every dead one since a time; answers how many were queued.' })
  async resendWebhookDeliveries(
    @CurrentPrincipal() p: Principal,
    @Args('deliveryId', { type: () => ID, nullable: true }) deliveryId?: string,
    @Args('failedSince', { nullable: true }) failedSince?: string,
    @Args('mode', MODE_ARG) mode?: string,
  ): Promise<number> {
    const result = await this.rpc.request(Rpc.notifications.resend, {
      account_id: p.accountId,
      mode: modeOfArg(p, mode),
      ...(deliveryId ? { delivery_id: deliveryId } : {}),
      ...(failedSince ? { failed_since: failedSince } : {}),
    });
    return result.requeued;
  }
}
