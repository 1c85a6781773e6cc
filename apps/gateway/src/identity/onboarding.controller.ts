import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { type AccountView, CreateAccountRequest, Rpc } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { type ApiResponse, ok } from '../http/api-response.js';
import { SignInLimits } from './sign-in-limits.js';

/** 000 §1: open to anyone; the account and its first user, whose PIN arrives by SMS. */
@Controller('api/v1/onboarding')
export class OnboardingController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly limits: SignInLimits,
  ) {}

  @Post('accounts')
  @HttpCode(200)
  async createAccount(@Body() body: CreateAccountRequest, @Req() request: Request): Promise<ApiResponse<AccountView>> {
    await this.limits.pinSms(request, body.user_phone);
    const account = await this.limits.paced(() => this.rpc.request(Rpc.identity.createAccount, body));
    return ok('account created successfully', account);
  }
}
