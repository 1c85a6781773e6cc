import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { requestOf } from './request-of.js';

/** Routes that act for a logged-in person (managing API keys, the current user). */
@Injectable()
export class UserJwtGuard extends AuthGuard('user-jwt') {
  override getRequest(context: ExecutionContext) {
    return requestOf(context);
  }
}
