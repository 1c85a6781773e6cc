import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { type LedgerPageView, Rpc, type TopUpView, type WalletView } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { PrincipalGuard } from '../auth/principal.guard.js';
import { ApiOperation, ApiProduces, ApiResponse as ApiAnswer } from '@nestjs/swagger';
import { type ApiResponse, ok } from '../http/api-response.js';
import { ApiEnvelope } from '../openapi/api-responses.js';
import { LedgerQuery } from './dtos/ledger.query.js';
import { ModeQuery } from './dtos/mode.query.js';
import { StatementQuery } from './dtos/statement.query.js';
import { TopUpBody } from './dtos/top-up.body.js';
import { LedgerPageResponse, TopUpResponse, WalletResponse } from './dtos/wallet.responses.js';
import { parseTopUpAmount } from './parse-top-up-amount.js';
import { modeOf } from './principal-mode.js';

/** 001's wallet endpoints; a tenant only ever reaches its own wallets. */
@Controller('api/v1/wallet')
@UseGuards(PrincipalGuard)
export class WalletController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Balances per currency (an API key sees its own mode; a user chooses with `mode`)' })
  @ApiEnvelope(200, 'The wallets', WalletResponse, { isArray: true })
  async wallets(@CurrentPrincipal() principal: Principal, @Query() query: ModeQuery): Promise<ApiResponse<WalletView[]>> {
    const wallets = await this.rpc.request(Rpc.wallet.wallets, { account_id: principal.accountId, mode: modeOf(principal, query.mode) });
    return ok('wallets retrieved', wallets);
  }

  @Get('ledger')
  @ApiOperation({ summary: 'Append-only ledger entries, newest first' })
  @ApiEnvelope(200, 'A page of entries', LedgerPageResponse)
  async ledger(@CurrentPrincipal() principal: Principal, @Query() query: LedgerQuery): Promise<ApiResponse<LedgerPageView>> {
    const { mode, ...filters } = query;
    const page = await this.rpc.request(Rpc.wallet.ledger, { ...filters, account_id: principal.accountId, mode: modeOf(principal, mode) });
    return ok('ledger retrieved', page);
  }

  /** The ledger of a date range as CSV, for accountants. */
  @Get('statement')
  @ApiOperation({ summary: 'The ledger of a date range as CSV' })
  @ApiProduces('text/csv')
  @ApiAnswer({ status: 200, description: 'A CSV attachment', content: { 'text/csv': { schema: { type: 'string' } } } })
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
  @ApiOperation({ summary: 'Start a Pesepay top-up; pay at `redirect_url`, and the wallet is credited when Pesepay confirms' })
  @ApiEnvelope(201, 'The top-up started', TopUpResponse)
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
  @ApiOperation({ summary: "A top-up's status (checks Pesepay while pending)" })
  @ApiEnvelope(200, 'The top-up', TopUpResponse)
  async topUpStatus(@CurrentPrincipal() principal: Principal, @Param('reference') reference: string, @Query() query: ModeQuery): Promise<ApiResponse<TopUpView>> {
    return ok('top-up retrieved', await this.rpc.request(Rpc.wallet.getTopUp, { account_id: principal.accountId, mode: modeOf(principal, query.mode), reference }));
  }
}
