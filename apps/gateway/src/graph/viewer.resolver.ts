import { UseGuards } from '@nestjs/common';
import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { PrincipalGuard } from '../auth/principal.guard.js';
import { ApiKeyModel } from '../api-keys/dtos/api-key.model.js';
import { AccountModel } from '../identity/dtos/account.model.js';
import { UserModel } from '../identity/dtos/user.model.js';
import { Loaders } from './graph-context.js';
import type { GraphLoaders } from './graph-loaders.js';
import { ViewerModel } from './viewer.model.js';

@Resolver(() => ViewerModel)
export class ViewerResolver {
  @Query(() => ViewerModel, { description: 'The caller (a user or an API key), and from it everything it may see.' })
  @UseGuards(PrincipalGuard)
  viewer(@CurrentPrincipal() principal: Principal): ViewerModel {
    return ViewerModel.of(principal);
  }

  @ResolveField(() => AccountModel)
  async account(@Parent() viewer: ViewerModel, @Loaders() loaders: GraphLoaders): Promise<AccountModel> {
    return AccountModel.from(await loaders.account(viewer.principal.accountId));
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'The logged-in user; null for an API key' })
  async user(@Parent() viewer: ViewerModel, @Loaders() loaders: GraphLoaders): Promise<UserModel | null> {
    const { principal } = viewer;
    return principal.kind === 'user' ? UserModel.from(await loaders.user(principal.accountId, principal.userId)) : null;
  }

  @ResolveField(() => ApiKeyModel, { nullable: true, description: 'The API key calling; null for a user' })
  async apiKey(@Parent() viewer: ViewerModel, @Loaders() loaders: GraphLoaders): Promise<ApiKeyModel | null> {
    const { principal } = viewer;
    if (principal.kind !== 'api-key') return null;
    const key = (await loaders.apiKeys(principal.accountId)).find((k) => k.id === principal.apiKeyId);
    return key ? ApiKeyModel.from(key) : null;
  }
}
