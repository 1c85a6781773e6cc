import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { type ApiKeyView, type CreatedApiKeyView, Rpc } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { ApiKeyVerifier } from '../auth/api-key-verifier.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { UserJwtGuard } from '../auth/user-jwt.guard.js';
import { ApiOperation } from '@nestjs/swagger';
import { type ApiResponse, ok } from '../http/api-response.js';
import { ApiEnvelope, ApiErrors } from '../openapi/api-responses.js';
import { ApiKeyResponse, CreatedApiKeyResponse } from './dtos/api-key.responses.js';
import { CreateApiKeyBody } from './dtos/create-api-key.body.js';

/** Keys are managed by a logged-in user (a key cannot mint or revoke keys). */
@Controller('api/v1/api-keys')
@UseGuards(UserJwtGuard)
export class ApiKeysController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly keyCache: ApiKeyVerifier,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create an API key (live by default); the key is in this answer only' })
  @ApiEnvelope(201, 'The key, shown once', CreatedApiKeyResponse)
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
  @ApiOperation({ summary: "The account's API keys (never the secrets)" })
  @ApiEnvelope(200, 'The keys', ApiKeyResponse, { isArray: true })
  async list(@CurrentPrincipal() principal: Principal): Promise<ApiResponse<ApiKeyView[]>> {
    return ok('api keys retrieved', await this.rpc.request(Rpc.identity.listApiKeys, { account_id: principal.accountId }));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke an API key' })
  @ApiEnvelope(200, 'The revoked key', ApiKeyResponse)
  @ApiErrors({ status: 404, codes: ['API_KEY_NOT_FOUND'] })
  async revoke(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<ApiResponse<ApiKeyView>> {
    const revoked = await this.rpc.request(Rpc.identity.revokeApiKey, { account_id: principal.accountId, id });
    // identity's broadcast evicts it too; this replica need not wait for it.
    this.keyCache.forgetRevoked({ api_key_id: revoked.id });
    return ok('api key revoked', revoked);
  }
}
