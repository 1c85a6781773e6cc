import { ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Rpc } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { UserJwtGuard } from '../auth/user-jwt.guard.js';
import { ApiKeyModel } from './dtos/api-key.model.js';
import { CreateApiKeyInput } from './dtos/create-api-key.input.js';
import { CreatedApiKeyModel } from './dtos/created-api-key.model.js';

@Resolver()
@UseGuards(UserJwtGuard)
export class ApiKeysResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => [ApiKeyModel], { description: "The account's API keys, newest first (never the secrets)." })
  async apiKeys(@CurrentPrincipal() principal: Principal): Promise<ApiKeyModel[]> {
    const keys = await this.rpc.request(Rpc.identity.listApiKeys, { account_id: principal.accountId });
    return keys.map(ApiKeyModel.from);
  }

  @Mutation(() => CreatedApiKeyModel)
  async createApiKey(@CurrentPrincipal() principal: Principal, @Args('input') input: CreateApiKeyInput): Promise<CreatedApiKeyModel> {
    const created = await this.rpc.request(Rpc.identity.createApiKey, {
      account_id: principal.accountId,
      user_id: principal.kind === 'user' ? principal.userId : '',
      name: input.name,
      mode: input.mode ?? 'live',
    });
    return CreatedApiKeyModel.from(created);
  }

  @Mutation(() => ApiKeyModel)
  async revokeApiKey(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string): Promise<ApiKeyModel> {
    return ApiKeyModel.from(await this.rpc.request(Rpc.identity.revokeApiKey, { account_id: principal.accountId, id }));
  }
}
