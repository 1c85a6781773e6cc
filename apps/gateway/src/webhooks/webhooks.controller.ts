import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { Rpc, type WebhookDeliveryView, type WebhookEndpointView } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { ApiOperation } from '@nestjs/swagger';
import { ApiEnvelope, ApiErrors } from '../openapi/api-responses.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { PrincipalGuard } from '../auth/principal.guard.js';
import { type ApiResponse, ok } from '../http/api-response.js';
import { CreateWebhookBody } from './dtos/create-webhook.body.js';
import { DeliveriesQuery } from './dtos/deliveries.query.js';
import { ResendBody } from './dtos/resend.body.js';
import { RotateSecretBody } from './dtos/rotate-secret.body.js';
import { RequeuedDeliveriesResponse, WebhookDeliveryResponse, WebhookEndpointResponse } from './dtos/webhook.responses.js';
import { ModeQuery } from '../wallet/dtos/mode.query.js';
import { modeOf } from '../wallet/principal-mode.js';

/**
 * A tenant's webhook endpoints and their deliveries, in one mode at a time: an API key's own (a test key
 * never sees or manages live endpoints), a user's choice (`mode`, default live). The secret is in the
 * answer to create and rotate only.
 */
@Controller('api/v1/webhooks')
@UseGuards(PrincipalGuard)
export class WebhooksController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a webhook endpoint; the signing secret is in this answer only', description: 'A URL that resolves to a private or internal address is refused (400 WEBHOOK_URL_REFUSED).' })
  @ApiEnvelope(201, 'The endpoint, with its secret', WebhookEndpointResponse)
  @ApiErrors({ status: 409, codes: ['WEBHOOK_ENDPOINT_LIMIT'] })
  async create(@CurrentPrincipal() p: Principal, @Body() body: CreateWebhookBody): Promise<ApiResponse<WebhookEndpointView>> {
    return ok('webhook endpoint created; store the secret now, it is not shown again', await this.rpc.request(Rpc.notifications.createEndpoint, { ...body, account_id: p.accountId, mode: modeOf(p, body.mode) }));
  }

  @Get()
  @ApiOperation({ summary: "The account's webhook endpoints in one mode" })
  @ApiEnvelope(200, 'The endpoints', WebhookEndpointResponse, { isArray: true })
  async list(@CurrentPrincipal() p: Principal, @Query() query: ModeQuery): Promise<ApiResponse<WebhookEndpointView[]>> {
    return ok('webhook endpoints retrieved', await this.rpc.request(Rpc.notifications.listEndpoints, { account_id: p.accountId, mode: modeOf(p, query.mode) }));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a webhook endpoint (its pending deliveries are cancelled)' })
  @ApiEnvelope(200, 'The deleted endpoint', WebhookEndpointResponse)
  @ApiErrors({ status: 404, codes: ['WEBHOOK_NOT_FOUND'] })
  async remove(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Query() query: ModeQuery): Promise<ApiResponse<WebhookEndpointView>> {
    return ok('webhook endpoint deleted', await this.rpc.request(Rpc.notifications.deleteEndpoint, { account_id: p.accountId, mode: modeOf(p, query.mode), id }));
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate the signing secret; the previous one keeps signing for `overlap_seconds`' })
  @ApiEnvelope(200, 'The endpoint, with its new secret', WebhookEndpointResponse)
  @ApiErrors({ status: 404, codes: ['WEBHOOK_NOT_FOUND'] })
  async rotate(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: RotateSecretBody): Promise<ApiResponse<WebhookEndpointView>> {
    return ok('secret rotated; the previous one keeps signing until previous_secret_expires_at', await this.rpc.request(Rpc.notifications.rotateSecret, { ...body, account_id: p.accountId, mode: modeOf(p, body.mode), id }));
  }

  @Get('deliveries')
  @ApiOperation({ summary: 'Webhook deliveries with their attempts' })
  @ApiEnvelope(200, 'The deliveries', WebhookDeliveryResponse, { isArray: true })
  async deliveries(@CurrentPrincipal() p: Principal, @Query() query: DeliveriesQuery): Promise<ApiResponse<WebhookDeliveryView[]>> {
    return ok('deliveries retrieved', await this.rpc.request(Rpc.notifications.listDeliveries, { ...query, account_id: p.accountId, mode: modeOf(p, query.mode) }));
  }

  @Post('deliveries/resend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send one delivery again (`delivery_id`), or every dead one since `failed_since`' })
  @ApiEnvelope(200, 'How many deliveries were queued again', RequeuedDeliveriesResponse)
  async resend(@CurrentPrincipal() p: Principal, @Body() body: ResendBody): Promise<ApiResponse<{ requeued: number }>> {
    return ok('deliveries queued again', await this.rpc.request(Rpc.notifications.resend, { ...body, account_id: p.accountId, mode: modeOf(p, body.mode) }));
  }
}
