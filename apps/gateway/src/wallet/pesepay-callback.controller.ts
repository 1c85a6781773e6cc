import { Body, Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Rpc, TopUpCallbackRequest, type TopUpView } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';

/**
 * Pesepay's result callbacks. The body is only a hint: wallet credits after asking Pesepay itself,
 * and a payload that does not decrypt under our key (INVALID_SIGNATURE, 401) or names no top-up of
 * ours (TOPUP_NOT_FOUND, 404) is refused without effect.
 */
// Pesepay's and its payers' routes: not part of the public OpenAPI document.
@ApiExcludeController()
@Controller('callbacks/pesepay')
export class PesepayCallbackController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(200)
  async result(@Body() body: TopUpCallbackRequest): Promise<{ status: 'received'; topup_status: TopUpView['status'] }> {
    const topUp = await this.rpc.request(Rpc.wallet.topUpCallback, { payload: body.payload }, 20_000);
    return { status: 'received', topup_status: topUp.status };
  }

  /** Where Pesepay sends the payer's browser afterwards. */
  @Get('return')
  @Header('Content-Type', 'text/html; charset=utf-8')
  returned(@Query('reference') reference?: string): string {
    const safe = (reference ?? '').replace(/[^A-Z0-9-]/g, '');
    return `<!doctype html><title>Payment received</title><p>Thank you. Top-up ${safe} is being confirmed; you can close this page.</p>`;
  }
}
