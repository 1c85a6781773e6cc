import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { type AccountView, CreateAccountRequest, Subjects } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { type ApiResponse, ok } from '../http/api-response.js';

/** 000 §1: open to anyone; the account and its first user, whose PIN arrives by SMS. */
@Controller('api/v1/onboarding')
export class OnboardingController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('accounts')
  @HttpCode(200)
  async createAccount(@Body() body: CreateAccountRequest): Promise<ApiResponse<AccountView>> {
    const account = await this.rpc.request<AccountView>(Subjects.identity.createAccount, body);
    return ok('account created successfully', account);
  }
}
