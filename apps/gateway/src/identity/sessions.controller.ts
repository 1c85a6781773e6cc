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
import { ApiBody, ApiOperation } from '@nestjs/swagger';
import { type ApiResponse, ok } from '../http/api-response.js';
import { ApiEnvelope, ApiErrors } from '../openapi/api-responses.js';
import { PIN_AUTHENTICATION_EXAMPLE_000 } from '../openapi/examples.js';
import { AuthenticatedSessionResponse, UserResponse } from './dtos/identity.responses.js';
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
  @ApiOperation({ summary: 'Sign in with phone and PIN (000 §2); 5 wrong PINs lock the phone for 15 minutes' })
  @ApiBody({ type: AuthenticateWithPinRequest, examples: { '000': { summary: "000's example", value: PIN_AUTHENTICATION_EXAMPLE_000 } } })
  @ApiEnvelope(200, 'A user token', AuthenticatedSessionResponse)
  @ApiErrors({ status: 401, codes: ['INVALID_CREDENTIALS'] })
  async authenticate(@Body() body: AuthenticateWithPinRequest, @Req() request: Request): Promise<ApiResponse<AuthenticatedSessionView>> {
    await this.limits.pinCheck(request);
    return ok('authenticated', await this.rpc.request(Rpc.identity.authenticateWithPin, body));
  }

  @Post('pin-reset')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a new PIN by SMS (000 §3)' })
  @ApiEnvelope(200, 'The PIN was reset', null)
  @ApiErrors({ status: 422, codes: ['USER_NOT_FOUND'] })
  async resetPin(@Body() body: ResetPinRequest, @Req() request: Request): Promise<ApiResponse<null>> {
    await this.limits.pinSms(request, body.phone);
    await this.limits.paced(() => this.rpc.request(Rpc.identity.resetPin, body));
    return ok('pin was rest successfully', null);
  }

  @Get('user')
  @ApiOperation({ summary: 'The current user (000 §4)' })
  @ApiEnvelope(200, 'The user', UserResponse)
  @UseGuards(UserJwtGuard)
  async currentUser(@CurrentPrincipal() principal: Principal): Promise<ApiResponse<UserView>> {
    const user = await this.rpc.request(Rpc.identity.getUser, {
      user_id: principal.kind === 'user' ? principal.userId : '',
      account_id: principal.accountId,
    });
    return ok('user retrieved', user);
  }
}
