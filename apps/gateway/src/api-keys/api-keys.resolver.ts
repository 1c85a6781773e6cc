import { UseGuards } from '@nestjs/common';
import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { Rpc } from '@airtime/contracts';
import { PlatformError, RpcClient } from '@airtime/platform';
import { ApiKeyVerifier } from '../auth/api-key-verifier.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { UserJwtGuard } from '../auth/user-jwt.guard.js';
import { type Connection, CONNECTION_COMPLEXITY, ConnectionArgs, connectionOfList, ConnectionType } from '../graph/connection.js';
import { globalIdOf } from '../graph/global-id.js';
import { Loaders } from '../graph/graph-context.js';
import type { GraphLoaders } from '../graph/graph-loaders.js';
import { AccountModel } from '../identity/dtos/account.model.js';
import { ApiKeyModel } from './dtos/api-key.model.js';
import { CreateApiKeyInput } from './dtos/create-api-key.input.js';
import { CreateApiKeyPayload, RevokeApiKeyInput, RevokeApiKeyPayload } from './dtos/payloads.js';

export const ApiKeyConnection = ConnectionType(ApiKeyModel, 'ApiKey');

/** API keys are managed by people (a user's token), never by another key. */
@Resolver(() => AccountModel)
export class ApiKeysResolver {
  constructor(
    private readonly rpc: RpcClient,
    private readonly keyCache: ApiKeyVerifier,
  ) {}

  @ResolveField(() => ApiKeyConnection, { ...CONNECTION_COMPLEXITY, description: "The account's API keys, newest first (never the secrets). Users only." })
  async apiKeys(@CurrentPrincipal() principal: Principal, @Loaders() loaders: GraphLoaders, @Args() page: ConnectionArgs): Promise<Connection<ApiKeyModel>> {
    if (principal.kind !== 'user') throw new PlatformError('FORBIDDEN', 'API keys are managed by a logged-in user');
    const keys = await loaders.apiKeys(principal.accountId);
    return connectionOfList(keys.map(ApiKeyModel.from), (k) => k.databaseId, page);
  }

  @Mutation(() => CreateApiKeyPayload)
  @UseGuards(UserJwtGuard)
  async createApiKey(@CurrentPrincipal() principal: Principal, @Args('input') input: CreateApiKeyInput): Promise<CreateApiKeyPayload> {
    const created = await this.rpc.request(Rpc.identity.createApiKey, {
      account_id: principal.accountId,
      user_id: principal.kind === 'user' ? principal.userId : '',
      name: input.name,
      mode: input.mode ?? 'live',
    });
    return { apiKey: ApiKeyModel.from(created), key: created.key };
  }

  @Mutation(() => RevokeApiKeyPayload)
  @UseGuards(UserJwtGuard)
  async revokeApiKey(@CurrentPrincipal() principal: Principal, @Args('input') input: RevokeApiKeyInput): Promise<RevokeApiKeyPayload> {
    const [id = ''] = globalIdOf('ApiKey', input.id);
    const revoked = await this.rpc.request(Rpc.identity.revokeApiKey, { account_id: principal.accountId, id });
    // identity's broadcast evicts it too; this replica need not wait for it.
    this.keyCache.forgetRevoked({ api_key_id: revoked.id });
    return { apiKey: ApiKeyModel.from(revoked) };
  }
}
