import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Rpc } from '@airtime/contracts';
import { PlatformError, RpcClient } from '@airtime/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { PrincipalGuard } from '../auth/principal.guard.js';
import { type Connection, CONNECTION_COMPLEXITY, connectionOf, connectionOfList, filtersOf, ModeConnectionArgs, pageRequestOf } from '../graph/connection.js';
import { globalIdOf } from '../graph/global-id.js';
import { Loaders } from '../graph/graph-context.js';
import type { GraphLoaders } from '../graph/graph-loaders.js';
import { canSeeMode, graphMode } from '../graph/mode.js';
import { AccountModel } from '../identity/dtos/account.model.js';
import { CreateWebhookEndpointInput } from './dtos/create-webhook-endpoint.input.js';
import { AccountDeliveriesArgs, DeliveriesArgs } from './dtos/deliveries-filter.args.js';
import {
  DeleteWebhookEndpointInput,
  DeleteWebhookEndpointPayload,
  ResendWebhookDeliveriesInput,
  ResendWebhookDeliveriesPayload,
  RotateWebhookSecretInput,
  WebhookDeliveryConnection,
  WebhookEndpointConnection,
  WebhookEndpointSecretPayload,
} from './dtos/payloads.js';
import { WebhookDeliveryModel, WebhookEndpointModel } from './dtos/webhook-endpoint.model.js';

/** The account's webhook endpoints and their deliveries. */
@Resolver(() => AccountModel)
export class AccountWebhooksResolver {
  constructor(private readonly rpc: RpcClient) {}

  @ResolveField(() => WebhookEndpointConnection, CONNECTION_COMPLEXITY)
  async webhookEndpoints(
    @CurrentPrincipal() principal: Principal,
    @Loaders() loaders: GraphLoaders,
    @Args() args: ModeConnectionArgs,
  ): Promise<Connection<WebhookEndpointModel>> {
    const endpoints = await loaders.webhookEndpoints(principal.accountId, graphMode(principal, args.mode));
    return connectionOfList(endpoints.map(WebhookEndpointModel.from), (e) => e.databaseId, args);
  }

  @ResolveField(() => WebhookDeliveryConnection, { ...CONNECTION_COMPLEXITY, description: 'Deliveries to every endpoint, newest first.' })
  async webhookDeliveries(
    @CurrentPrincipal() principal: Principal,
    @Args() args: AccountDeliveriesArgs,
  ): Promise<Connection<WebhookDeliveryModel>> {
    const found = await this.rpc.request(Rpc.notifications.pageDeliveries, { account_id: principal.accountId, mode: graphMode(principal, args.mode), ...filtersOf(args), ...pageRequestOf(args) });
    return connectionOf(found, WebhookDeliveryModel.from);
  }
}

@Resolver(() => WebhookEndpointModel)
export class WebhooksResolver {
  constructor(private readonly rpc: RpcClient) {}

  @ResolveField(() => WebhookDeliveryConnection, { ...CONNECTION_COMPLEXITY, description: "This endpoint's deliveries, newest first." })
  async deliveries(
    @Parent() endpoint: WebhookEndpointModel,
    @CurrentPrincipal() principal: Principal,
    @Args() args: DeliveriesArgs,
  ): Promise<Connection<WebhookDeliveryModel>> {
    const found = await this.rpc.request(Rpc.notifications.pageDeliveries, {
      account_id: principal.accountId,
      mode: endpoint.mode,
      endpoint_id: endpoint.databaseId,
      ...filtersOf(args),
      ...pageRequestOf(args),
    });
    return connectionOf(found, WebhookDeliveryModel.from);
  }

  @Mutation(() => WebhookEndpointSecretPayload, { description: 'The payload carries the signing secret, once.' })
  @UseGuards(PrincipalGuard)
  async createWebhookEndpoint(@CurrentPrincipal() p: Principal, @Args('input') input: CreateWebhookEndpointInput): Promise<WebhookEndpointSecretPayload> {
    const created = await this.rpc.request(Rpc.notifications.createEndpoint, { account_id: p.accountId, mode: graphMode(p, input.mode), url: input.url, events: input.events });
    return { webhookEndpoint: WebhookEndpointModel.from(created), secret: created.secret ?? '' };
  }

  @Mutation(() => WebhookEndpointSecretPayload, { description: 'A new secret; the old one keeps signing beside it for overlapSeconds (default a day).' })
  @UseGuards(PrincipalGuard)
  async rotateWebhookSecret(@CurrentPrincipal() p: Principal, @Args('input') input: RotateWebhookSecretInput): Promise<WebhookEndpointSecretPayload> {
    const { mode, id } = this.endpointRef(p, input.id);
    const rotated = await this.rpc.request(Rpc.notifications.rotateSecret, {
      account_id: p.accountId,
      mode,
      id,
      ...(input.overlapSeconds !== undefined ? { overlap_seconds: input.overlapSeconds } : {}),
    });
    return { webhookEndpoint: WebhookEndpointModel.from(rotated), secret: rotated.secret ?? '' };
  }

  @Mutation(() => DeleteWebhookEndpointPayload)
  @UseGuards(PrincipalGuard)
  async deleteWebhookEndpoint(@CurrentPrincipal() p: Principal, @Args('input') input: DeleteWebhookEndpointInput): Promise<DeleteWebhookEndpointPayload> {
    const { mode, id } = this.endpointRef(p, input.id);
    return { webhookEndpoint: WebhookEndpointModel.from(await this.rpc.request(Rpc.notifications.deleteEndpoint, { account_id: p.accountId, mode, id })) };
  }

  @Mutation(() => ResendWebhookDeliveriesPayload, { description: 'Re-sends one delivery, or every dead one since a time.' })
  @UseGuards(PrincipalGuard)
  async resendWebhookDeliveries(@CurrentPrincipal() p: Principal, @Args('input') input: ResendWebhookDeliveriesInput): Promise<ResendWebhookDeliveriesPayload> {
    const delivery = input.deliveryId ? this.modeScopedRef(p, 'WebhookDelivery', input.deliveryId, 'deliveryId') : undefined;
    return this.rpc.request(Rpc.notifications.resend, {
      account_id: p.accountId,
      mode: delivery?.mode ?? graphMode(p, input.mode),
      ...(delivery ? { delivery_id: delivery.id } : {}),
      ...(input.failedSince ? { failed_since: input.failedSince } : {}),
    });
  }

  /**
   * An endpoint named by global id: its mode comes from the id, and one the caller cannot see is
   * "not found" like any other (a test key cannot touch a live endpoint).
   */
  private endpointRef(principal: Principal, globalId: string): { mode: 'live' | 'test'; id: string } {
    return this.modeScopedRef(principal, 'WebhookEndpoint', globalId, 'id');
  }

  private modeScopedRef(principal: Principal, type: 'WebhookEndpoint' | 'WebhookDelivery', globalId: string, field: string): { mode: 'live' | 'test'; id: string } {
    const [mode = '', id = ''] = globalIdOf(type, globalId, field);
    if ((mode !== 'live' && mode !== 'test') || !canSeeMode(principal, mode)) {
      throw type === 'WebhookEndpoint' ? new PlatformError('WEBHOOK_NOT_FOUND', 'Webhook endpoint not found') : new PlatformError('NOT_FOUND', 'Delivery not found');
    }
    return { mode, id };
  }
}

@Resolver(() => WebhookDeliveryModel)
export class WebhookDeliveryResolver {
  @ResolveField(() => WebhookEndpointModel, { nullable: true, description: 'Where it was sent (null once the endpoint is deleted)' })
  async endpoint(@Parent() delivery: WebhookDeliveryModel, @CurrentPrincipal() principal: Principal, @Loaders() loaders: GraphLoaders): Promise<WebhookEndpointModel | null> {
    if (!canSeeMode(principal, delivery.mode)) return null;
    const endpoint = (await loaders.webhookEndpoints(principal.accountId, delivery.mode)).find((e) => e.id === delivery.endpointId);
    return endpoint ? WebhookEndpointModel.from(endpoint) : null;
  }
}
