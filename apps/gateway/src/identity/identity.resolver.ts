import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type AccountView, type AuthenticatedSessionView, Subjects, type UserView } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { PrincipalGuard } from '../auth/principal.guard.js';
import { UserJwtGuard } from '../auth/user-jwt.guard.js';
import { AccountModel } from './dtos/account.model.js';
import { AuthSessionModel } from './dtos/auth-session.model.js';
import { AuthenticateWithPinInput } from './dtos/authenticate-with-pin.input.js';
import { CreateAccountInput } from './dtos/create-account.input.js';
import { ResetPinInput } from './dtos/reset-pin.input.js';
import { UserModel } from './dtos/user.model.js';

@Resolver()
export class IdentityResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Mutation(() => AccountModel, { description: "Onboards a business and its first user; the user's PIN is sent by SMS." })
  async createAccount(@Args('input') input: CreateAccountInput): Promise<AccountModel> {
    return AccountModel.from(await this.rpc.request<AccountView>(Subjects.identity.createAccount, input.toRequest()));
  }

  @Mutation(() => AuthSessionModel)
  async authenticateWithPin(@Args('input') input: AuthenticateWithPinInput): Promise<AuthSessionModel> {
    const session = await this.rpc.request<AuthenticatedSessionView>(Subjects.identity.authenticateWithPin, { phone: input.phone, pin: input.pin });
    return { token: session.token, expiresAt: session.expires_at };
  }

  @Mutation(() => Boolean, { description: 'Sends a new PIN by SMS.' })
  async resetPin(@Args('input') input: ResetPinInput): Promise<boolean> {
    await this.rpc.request(Subjects.identity.resetPin, { phone: input.phone });
    return true;
  }

  @Query(() => UserModel, { description: 'The logged-in user.' })
  @UseGuards(UserJwtGuard)
  async me(@CurrentPrincipal() principal: Principal): Promise<UserModel> {
    const user = await this.rpc.request<UserView>(Subjects.identity.getUser, {
      user_id: principal.kind === 'user' ? principal.userId : '',
      account_id: principal.accountId,
    });
    return UserModel.from(user);
  }

  @Query(() => AccountModel, { description: "The caller's account (user token or API key)." })
  @UseGuards(PrincipalGuard)
  async account(@CurrentPrincipal() principal: Principal): Promise<AccountModel> {
    return AccountModel.from(await this.rpc.request<AccountView>(Subjects.identity.getAccount, { account_id: principal.accountId }));
  }
}
