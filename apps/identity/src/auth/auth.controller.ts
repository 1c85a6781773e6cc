import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  type AuthenticatedSessionView,
  AuthenticateWithPinRequest,
  GetUserRequest,
  ResetPinRequest,
  type SessionView,
  Rpc,
  type UserView,
  VerifySessionRequest,
} from '@airtime/contracts';
import { RpcHandler } from '@airtime/platform';
import { AuthService } from './auth.service.js';

@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @RpcHandler(Rpc.identity.authenticateWithPin)
  authenticate(@Payload() request: AuthenticateWithPinRequest): Promise<AuthenticatedSessionView> {
    return this.auth.authenticate(request);
  }

  @RpcHandler(Rpc.identity.resetPin)
  async resetPin(@Payload() request: ResetPinRequest): Promise<{ reset: true }> {
    await this.auth.resetPin(request.phone);
    return { reset: true };
  }

  @RpcHandler(Rpc.identity.verifySession)
  verifySession(@Payload() request: VerifySessionRequest): Promise<SessionView> {
    return this.auth.verifySession(request);
  }

  @RpcHandler(Rpc.identity.getUser)
  getUser(@Payload() request: GetUserRequest): Promise<UserView> {
    return this.auth.getUser(request.user_id, request.account_id);
  }
}
