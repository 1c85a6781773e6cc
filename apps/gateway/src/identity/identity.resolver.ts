import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { Rpc } from '@airtime/contracts';
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
import { SignInLimits } from './sign-in-limits.js';

@Resolver()
export class IdentityResolver {
  constructor(
    private readonly rpc: RpcClient,
    private readonly limits: SignInLimits,
  ) {}

  @Mutation(() => AccountModel, { description: "Onboards a business and its first user; the user's PIN is sent by SMS." })
  async createAccount(@Args('input') input: CreateAccountInput, @Context('req') request: Request): Promise<AccountModel> {
    const body = input.toRequest();
    await this.limits.pinSms(request, body.user_phone);
    return AccountModel.from(await this.limits.paced(() => this.rpc.request(Rpc.identity.createAccount, body)));
  }

  @Mutation(() => AuthSessionModel)
  async authenticateWithPin(@Args('input') input: AuthenticateWithPinInput, @Context('req') request: Request): Promise<AuthSessionModel> {
    await this.limits.pinCheck(request);
    const session = await this.rpc.request(Rpc.identity.authenticateWithPin, { phone: input.phone, pin: input.pin, ...(input.otp ? { otp: input.otp } : {}) });
    return { token: session.token, expiresAt: session.expires_at };
  }

  @Mutation(() => Boolean, { description: 'Sends a new PIN by SMS.' })
  async resetPin(@Args('input') input: ResetPinInput, @Context('req') request: Request): Promise<boolean> {
    await this.limits.pinSms(request, input.phone);
    await this.limits.paced(() => this.rpc.request(Rpc.identity.resetPin, { phone: input.phone }));
    return true;
  }

  @Query(() => UserModel, { description: 'The logged-in user.' })
  @UseGuards(UserJwtGuard)
  async me(@CurrentPrincipal() principal: Principal): Promise<UserModel> {
    const user = await this.rpc.request(Rpc.identity.getUser, {
      user_id: principal.kind === 'user' ? principal.userId : '',
      account_id: principal.accountId,
    });
    return UserModel.from(user);
  }

  @Query(() => AccountModel, { description: "The caller's account (user token or API key)." })
  @UseGuards(PrincipalGuard)
  async account(@CurrentPrincipal() principal: Principal): Promise<AccountModel> {
    return AccountModel.from(await this.rpc.request(Rpc.identity.getAccount, { account_id: principal.accountId }));
  }
}
