import { Controller, Get, UseGuards } from '@nestjs/common';
import { type AccountView, Rpc } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { PrincipalGuard } from '../auth/principal.guard.js';
import { type ApiResponse, ok } from '../http/api-response.js';
import { ApiEnvelope } from '../openapi/api-responses.js';
import { AccountResponse } from './dtos/identity.responses.js';

/** The caller's own account, for an API key or a logged-in user alike. */
@Controller('api/v1/account')
@UseGuards(PrincipalGuard)
export class AccountController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiEnvelope(200, 'The account', AccountResponse)
  async get(@CurrentPrincipal() principal: Principal): Promise<ApiResponse<AccountView>> {
    return ok('account retrieved', await this.rpc.request(Rpc.identity.getAccount, { account_id: principal.accountId }));
  }
}
