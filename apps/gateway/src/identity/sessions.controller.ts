import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import {
  type AuthenticatedSessionView,
  AuthenticateWithPinRequest,
  ResetPinRequest,
  Rpc,
  type UserView,
} from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { UserJwtGuard } from '../auth/user-jwt.guard.js';
import { type ApiResponse, ok } from '../http/api-response.js';
import { SignInLimits } from './sign-in-limits.js';

/** 000 §2–4, paths, messages and shapes as 000 prints them (its "pin was rest" included). */
@Controller('auth')
export class SessionsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly limits: SignInLimits,
  ) {}

  @Post('pin-authentication')
  @HttpCode(200)
  async authenticate(@Body() body: AuthenticateWithPinRequest, @Req() request: Request): Promise<ApiResponse<AuthenticatedSessionView>> {
    await this.limits.pinCheck(request);
    return ok('authenticated', await this.rpc.request(Rpc.identity.authenticateWithPin, body));
  }

  @Post('pin-reset')
  @HttpCode(200)
  async resetPin(@Body() body: ResetPinRequest, @Req() request: Request): Promise<ApiResponse<null>> {
    await this.limits.pinSms(request, body.phone);
    await this.limits.paced(() => this.rpc.request(Rpc.identity.resetPin, body));
    return ok('pin was rest successfully', null);
  }

  @Get('user')
  @UseGuards(UserJwtGuard)
  async currentUser(@CurrentPrincipal() principal: Principal): Promise<ApiResponse<UserView>> {
    const user = await this.rpc.request(Rpc.identity.getUser, {
      user_id: principal.kind === 'user' ? principal.userId : '',
      account_id: principal.accountId,
    });
    return ok('user retrieved', user);
  }
}
