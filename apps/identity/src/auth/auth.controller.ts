import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  type AuthenticatedSessionView,
  AuthenticateWithPinRequest,
  GetUserRequest,
  ResetPinRequest,
  type SessionView,
  Subjects,
  type UserView,
  VerifySessionRequest,
} from '@airtime/contracts';
import { AuthService } from './auth.service.js';

@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @MessagePattern(Subjects.identity.authenticateWithPin)
  authenticate(@Payload() request: AuthenticateWithPinRequest): Promise<AuthenticatedSessionView> {
    return this.auth.authenticate(request);
  }

  @MessagePattern(Subjects.identity.resetPin)
  async resetPin(@Payload() request: ResetPinRequest): Promise<{ reset: true }> {
    await this.auth.resetPin(request.phone);
    return { reset: true };
  }

  @MessagePattern(Subjects.identity.verifySession)
  verifySession(@Payload() request: VerifySessionRequest): Promise<SessionView> {
    return this.auth.verifySession(request);
  }

  @MessagePattern(Subjects.identity.getUser)
  getUser(@Payload() request: GetUserRequest): Promise<UserView> {
    return this.auth.getUser(request.user_id, request.account_id);
  }
}
