import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { detectNetwork } from '@airtime/phone';
import { formatMinor } from '@airtime/money';
import { formatE164 } from '@airtime/phone';
import { Rpc } from '@airtime/contracts';
import { PlatformError, RpcClient } from '@airtime/platform';
import { ApiOperation, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ApiEnvelope, ApiErrors, ErrorEnvelope } from '../openapi/api-responses.js';
import { AirtimeRechargeResponse, BatchCreatedResponse, BatchResponse } from './dtos/order.responses.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { UserJwtGuard } from '../auth/user-jwt.guard.js';
import { CreatesOrders, RechargeLimitGuard } from '../throttling/recharge-limit.guard.js';
import { AirtimeBatchBody } from './dtos/airtime-batch.body.js';
import { AirtimeRechargeBody } from './dtos/airtime-recharge.body.js';

/**
 * 000 §5's surface for clients migrating from Omega: the same path, JWT auth, minor units and
 * response shapes, served by the same orders as 001's API (the product is the phone's network's
 * airtime in the given currency; `reference` is the agent_reference).
 */
@Controller('api/v1/recharges')
@UseGuards(UserJwtGuard)
export class AirtimeRechargesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('airtime')
  @HttpCode(200)
  @ApiOperation({ summary: 'One airtime recharge (000 §5), amount in cents; the product is the phone network\'s airtime' })
  @ApiResponse({ status: 200, description: 'success: recharged', type: AirtimeRechargeResponse })
  @ApiResponse({ status: 202, description: 'pending: accepted, the outcome is not known yet', type: AirtimeRechargeResponse })
  @ApiResponse({
    status: 422,
    description: 'error: the recharge failed (and was refunded), or no airtime product for the phone (the standard error shape)',
    schema: { oneOf: [{ $ref: getSchemaPath(AirtimeRechargeResponse) }, { $ref: getSchemaPath(ErrorEnvelope) }] },
  })
  @CreatesOrders({ mode: 'live' })
  @UseGuards(RechargeLimitGuard)
  async recharge(@CurrentPrincipal() principal: Principal, @Body() body: AirtimeRechargeBody, @Res({ passthrough: true }) res: Response) {
    const { product, detected } = await this.airtimeProductFor(body.phone, body.currency);
    const order = await this.rpc.request(Rpc.orders.create, {
      account_id: principal.accountId,
      mode: 'live',
      product_id: product.id,
      target: detected.msisdn,
      amount: formatMinor(BigInt(body.amount), body.currency),
      agent_reference: body.reference,
    }, 60_000);
    const data = { transaction_id: order.id, reference: order.agent_reference, phone: formatE164(order.target), status: order.status };
    if (order.status === 'success') return { status: 'success', message: 'successful airtime recharge', data };
    if (order.status === 'failed' || order.status === 'refunded') {
      res.status(422);
      return { status: 'error', message: order.message ?? 'Recharge failed', data };
    }
    res.status(202);
    return { status: 'pending', message: 'recharge accepted; the final status is not known yet', data };
  }

  /** 000 §6: the recharges become orders (each idempotent on its reference), processed in the background. */
  @Post('airtime/batch')
  @HttpCode(200)
  @ApiOperation({ summary: 'A batch of airtime recharges (000 §6), each its own idempotent order' })
  @ApiEnvelope(200, 'The batch, processing in the background', BatchCreatedResponse)
  @ApiErrors({ status: 403, codes: ['FORBIDDEN'], description: 'FORBIDDEN: `account` is not the account of this token' })
  @CreatesOrders({ mode: 'live', batchField: 'recharges' })
  @UseGuards(RechargeLimitGuard)
  async batch(@CurrentPrincipal() principal: Principal, @Body() body: AirtimeBatchBody) {
    if (body.account && body.account !== principal.accountId) {
      const account = await this.rpc.request(Rpc.identity.getAccount, { account_id: principal.accountId });
      if (body.account !== account.number) throw new PlatformError('FORBIDDEN', 'account is not the account of this token');
    }
    const items = [];
    for (const [i, recharge] of body.recharges.entries()) {
      const { product, detected } = await this.airtimeProductFor(recharge.phone, recharge.currency, `recharges.${i}.phone`);
      items.push({ product_id: product.id, target: detected.msisdn, amount: formatMinor(BigInt(recharge.amount), recharge.currency), agent_reference: recharge.reference });
    }
    const batch = await this.rpc.request(Rpc.orders.createBatch, { account_id: principal.accountId, mode: 'live', items });
    return { status: 'success', message: 'batch recharge created', data: { batch_id: batch.batch_id, total_count: batch.total_count, status: batch.status } };
  }

  @Get('airtime/batch/:id')
  @ApiOperation({ summary: "A batch's progress (000 §6)" })
  @ApiEnvelope(200, 'The batch', BatchResponse)
  async batchStatus(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    const batch = await this.rpc.request(Rpc.orders.getBatch, { account_id: principal.accountId, batch_id: id });
    return { status: 'success', message: 'batch retrieved', data: batch };
  }

  private async airtimeProductFor(phone: string, currency: string, field = 'phone') {
    const detected = detectNetwork(phone);
    if (!detected) throw new PlatformError('VALIDATION_FAILED', 'Validation failed', { fields: { [field]: [`${field} must be a mobile number of a supported network`] } });
    const products = await this.rpc.request(Rpc.orders.listProducts, { country: detected.country, network: detected.network, kind: 'airtime', currency });
    const product = products[0];
    if (!product) throw new PlatformError('PRODUCT_NOT_FOUND', `No ${detected.network} airtime in ${currency}`);
    return { product, detected };
  }
}
