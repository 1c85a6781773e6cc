import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { PlatformError } from '@airtime/platform';
import type { Principal } from './principal.js';
import { requestOf } from './request-of.js';
import { UserJwtGuard } from './user-jwt.guard.js';

/** Platform operators only (a user whose phone identity lists in OPERATOR_PHONES). */
@Injectable()
export class OperatorGuard implements CanActivate {
  constructor(private readonly userJwt: UserJwtGuard) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    await this.userJwt.canActivate(context);
    const principal = requestOf(context).user as Principal | undefined;
    if (principal?.kind !== 'user' || !principal.operator) throw new PlatformError('FORBIDDEN', 'Only platform operators may do this');
    return true;
  }
}
