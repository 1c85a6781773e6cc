import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { type AccountView, CreateAccountRequest, Rpc } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { ApiBody, ApiOperation } from '@nestjs/swagger';
import { type ApiResponse, ok } from '../http/api-response.js';
import { ApiEnvelope, ApiErrors } from '../openapi/api-responses.js';
import { ONBOARDING_EXAMPLE_000 } from '../openapi/examples.js';
import { AccountResponse } from './dtos/identity.responses.js';
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
  @ApiOperation({ summary: 'Create an account and its first user (000 §1); the PIN arrives by SMS' })
  @ApiBody({ type: CreateAccountRequest, examples: { '000': { summary: "000's onboarding example", value: ONBOARDING_EXAMPLE_000 } } })
  @ApiEnvelope(200, 'The account created', AccountResponse)
  @ApiErrors({ status: 409, codes: ['PHONE_ALREADY_REGISTERED'] })
  async createAccount(@Body() body: CreateAccountRequest, @Req() request: Request): Promise<ApiResponse<AccountView>> {
    await this.limits.pinSms(request, body.user_phone);
    const account = await this.limits.paced(() => this.rpc.request(Rpc.identity.createAccount, body));
    return ok('account created successfully', account);
  }
}
