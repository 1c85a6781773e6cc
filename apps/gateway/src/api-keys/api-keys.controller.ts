import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { type ApiKeyView, type CreatedApiKeyView, Rpc } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { UserJwtGuard } from '../auth/user-jwt.guard.js';
import { type ApiResponse, ok } from '../http/api-response.js';
import { CreateApiKeyBody } from './dtos/create-api-key.body.js';

/** Keys are managed by a logged-in user (a key cannot mint or revoke keys). */
@Controller('api/v1/api-keys')
@UseGuards(UserJwtGuard)
export class ApiKeysController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateApiKeyBody): Promise<ApiResponse<CreatedApiKeyView>> {
    const created = await this.rpc.request(Rpc.identity.createApiKey, {
      account_id: principal.accountId,
      user_id: principal.kind === 'user' ? principal.userId : '',
      name: body.name,
      mode: body.mode ?? 'live',
    });
    return ok('api key created; store it now, it is not shown again', created);
  }

  @Get()
  async list(@CurrentPrincipal() principal: Principal): Promise<ApiResponse<ApiKeyView[]>> {
    return ok('api keys retrieved', await this.rpc.request(Rpc.identity.listApiKeys, { account_id: principal.accountId }));
  }

  @Delete(':id')
  async revoke(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<ApiResponse<ApiKeyView>> {
    return ok('api key revoked', await this.rpc.request(Rpc.identity.revokeApiKey, { account_id: principal.accountId, id }));
  }
}
