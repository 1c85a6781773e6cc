import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation } from '@nestjs/swagger';
import type { Request } from 'express';
import { type CampaignPayoutView, Rpc } from '@airtime/contracts';
import { PlatformError, RpcClient } from '@airtime/platform';
import { type ApiResponse, ok } from '../http/api-response.js';
import { ApiEnvelope, ApiErrors } from '../openapi/api-responses.js';
import { CampaignPayoutRequestBody, CampaignPayoutResponse } from './dtos/campaign.responses.js';

/** A payout request is a few fields: anything larger is refused before it is signed-checked or sent on. */
export const MAX_PAYOUT_BODY_BYTES = 8192;

/** Longer than orders' own wait for the outcome, so the gateway never gives up first. */
const PAYOUT_RPC_TIMEOUT_MS = 60_000;

/**
 * A survey tool's payout request: no API key, the campaign secret's HMAC of the exact body bytes is
 * the credential. The gateway passes those bytes (kept by the JSON parser, see create-gateway-app)
 * and the signature to orders, which holds the secret; nothing is read from the body here, so a
 * request whose signature fails is refused before its content matters. Counted per campaign and
 * client address (ApiLimitInterceptor).
 */
@Controller('api/v1/campaigns')
export class CampaignPayoutsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post(':id/payouts')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Pay a survey completion (signed, no API key)',
    description:
      'Send `Content-Type: application/json` and `X-Airtime-Signature: sha256=<hex HMAC-SHA256 of the exact body bytes, keyed with the campaign secret>`. ' +
      'The same `completion_id` again answers the same payout. A wrong or missing signature, or an unknown campaign, is 401 INVALID_SIGNATURE; ' +
      'a `timestamp` more than 5 minutes from our clock is 401 SIGNATURE_EXPIRED.',
  })
  @ApiHeader({ name: 'X-Airtime-Signature', required: true, description: 'sha256=<hex HMAC-SHA256(raw body, campaign secret)>' })
  @ApiBody({ type: CampaignPayoutRequestBody })
  @ApiEnvelope(200, 'The payout, with its order', CampaignPayoutResponse)
  @ApiErrors(
    { status: 401, codes: ['INVALID_SIGNATURE', 'SIGNATURE_EXPIRED'] },
    { status: 409, codes: ['CAMPAIGN_PAUSED', 'CAMPAIGN_ENDED'] },
    { status: 422, codes: ['CAMPAIGN_BUDGET_EXCEEDED', 'PHONE_ALREADY_PAID', 'INSUFFICIENT_FUNDS', 'WALLET_NOT_FOUND', 'INVALID_TARGET', 'AMOUNT_OUT_OF_RANGE', 'PRODUCT_NOT_FOUND'] },
  )
  async pay(@Param('id') id: string, @Req() req: Request & { rawBody?: Buffer }): Promise<ApiResponse<CampaignPayoutView>> {
    const raw = req.rawBody ?? Buffer.alloc(0);
    if (raw.length > MAX_PAYOUT_BODY_BYTES) throw new PlatformError('PAYLOAD_TOO_LARGE', `A payout request body may be at most ${MAX_PAYOUT_BODY_BYTES} bytes`);
    const signature = req.header('x-airtime-signature');
    const payout = await this.rpc.request(
      Rpc.orders.payCampaign,
      {
        campaign_id: id.slice(0, 100),
        body_base64: raw.toString('base64'),
        ...(signature ? { signature: signature.slice(0, 200) } : {}),
      },
      PAYOUT_RPC_TIMEOUT_MS,
    );
    return ok('payout accepted', payout);
  }
}
