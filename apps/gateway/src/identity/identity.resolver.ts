import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { Rpc } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { AccountModel } from './dtos/account.model.js';
import { AuthenticateWithPinInput } from './dtos/authenticate-with-pin.input.js';
import { CreateAccountInput } from './dtos/create-account.input.js';
import { AuthenticateWithPinPayload, CreateAccountPayload, ResetPinPayload } from './dtos/payloads.js';
import { ResetPinInput } from './dtos/reset-pin.input.js';
import { SignInLimits } from './sign-in-limits.js';

/** Onboarding and sign-in: the mutations a stranger may call (each paced and limited). The caller is `viewer`. */
@Resolver()
export class IdentityResolver {
  constructor(
    private readonly rpc: RpcClient,
    private readonly limits: SignInLimits,
  ) {}

  @Mutation(() => CreateAccountPayload, { description: "Onboards a business and its first user; the user's PIN is sent by SMS." })
  async createAccount(@Args('input') input: CreateAccountInput, @Context('req') request: Request): Promise<CreateAccountPayload> {
    const body = input.toRequest();
    await this.limits.pinSms(request, body.user_phone);
    return { account: AccountModel.from(await this.limits.paced(() => this.rpc.request(Rpc.identity.createAccount, body))) };
  }

  @Mutation(() => AuthenticateWithPinPayload)
  async authenticateWithPin(@Args('input') input: AuthenticateWithPinInput, @Context('req') request: Request): Promise<AuthenticateWithPinPayload> {
    await this.limits.pinCheck(request);
    const session = await this.rpc.request(Rpc.identity.authenticateWithPin, { phone: input.phone, pin: input.pin, ...(input.otp ? { otp: input.otp } : {}) });
    return { token: session.token, expiresAt: session.expires_at };
  }

  @Mutation(() => ResetPinPayload, { description: 'Sends a new PIN by SMS to a registered phone.' })
  async resetPin(@Args('input') input: ResetPinInput, @Context('req') request: Request): Promise<ResetPinPayload> {
    await this.limits.pinSms(request, input.phone);
    await this.limits.paced(() => this.rpc.request(Rpc.identity.resetPin, { phone: input.phone }));
    return { sent: true };
  }
}
