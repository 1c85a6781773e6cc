import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { type LedgerPageView, Rpc, type TopUpView, type WalletView } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { PrincipalGuard } from '../auth/principal.guard.js';
import { type ApiResponse, ok } from '../http/api-response.js';
import { LedgerQuery } from './dtos/ledger.query.js';
import { ModeQuery } from './dtos/mode.query.js';
import { StatementQuery } from './dtos/statement.query.js';
import { TopUpBody } from './dtos/top-up.body.js';
import { parseTopUpAmount } from './parse-top-up-amount.js';
import { modeOf } from './principal-mode.js';

/** 001's wallet endpoints; a tenant only ever reaches its own wallets. */
@Controller('api/v1/wallet')
@UseGuards(PrincipalGuard)
export class WalletController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  async wallets(@CurrentPrincipal() principal: Principal, @Query() query: ModeQuery): Promise<ApiResponse<WalletView[]>> {
    const wallets = await this.rpc.request(Rpc.wallet.wallets, { account_id: principal.accountId, mode: modeOf(principal, query.mode) });
    return ok('wallets retrieved', wallets);
  }

  @Get('ledger')
  async ledger(@CurrentPrincipal() principal: Principal, @Query() query: LedgerQuery): Promise<ApiResponse<LedgerPageView>> {
    const { mode, ...filters } = query;
    const page = await this.rpc.request(Rpc.wallet.ledger, { ...filters, account_id: principal.accountId, mode: modeOf(principal, mode) });
    return ok('ledger retrieved', page);
  }

  /** The ledger of a date range as CSV, for accountants. */
  @Get('statement')
  async statement(@CurrentPrincipal() principal: Principal, @Query() query: StatementQuery, @Res() res: Response): Promise<void> {
    const { mode, ...range } = query;
    const statement = await this.rpc.request(Rpc.wallet.statement, { ...range, account_id: principal.accountId, mode: modeOf(principal, mode) }, 30_000);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${statement.filename}"`);
    res.send(statement.csv);
  }

  /** Starts a Pesepay payment; the wallet is credited when Pesepay confirms it. */
  @Post('topup')
  @HttpCode(201)
  async topUp(@CurrentPrincipal() principal: Principal, @Body() body: TopUpBody): Promise<ApiResponse<TopUpView>> {
    const topUp = await this.rpc.request(Rpc.wallet.createTopUp, {
      account_id: principal.accountId,
      mode: modeOf(principal),
      currency: body.currency,
      amount_minor: parseTopUpAmount(body.amount, body.currency),
    }, 20_000);
    return ok('top-up started; complete the payment at redirect_url', topUp);
  }

  @Get('topup/:reference')
  async topUpStatus(@CurrentPrincipal() principal: Principal, @Param('reference') reference: string, @Query() query: ModeQuery): Promise<ApiResponse<TopUpView>> {
    return ok('top-up retrieved', await this.rpc.request(Rpc.wallet.getTopUp, { account_id: principal.accountId, mode: modeOf(principal, query.mode), reference }));
  }
}
