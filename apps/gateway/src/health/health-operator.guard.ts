import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { UserTokenClaims } from '@airtime/contracts';
import { PlatformError, RpcClient } from '@airtime/platform';
import { confirmSession } from '../auth/session.js';
import { requestOf } from '../auth/request-of.js';
import { verifyUserToken } from '../auth/user-token.js';
import { GatewayConfig } from '../config/gateway.config.js';

/**
 * Operators only, as everywhere, with one difference: health details are needed most when identity
 * is down, so when identity cannot answer, an unexpired operator token we signed is enough. A session
 * identity has ended (PIN reset, operator removed) is still refused. Read-only: nothing here moves money.
 */
@Injectable()
export class HealthOperatorGuard implements CanActivate {
  constructor(
    private readonly config: GatewayConfig,
    private readonly rpc: RpcClient,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const header = requestOf(context).header('authorization') ?? '';
    const token = /^Bearer (\S+)$/i.exec(header)?.[1];
    if (!token) throw new PlatformError('UNAUTHENTICATED', 'A bearer token is required');
    let claims: UserTokenClaims;
    try {
      claims = verifyUserToken(token, this.config.jwtSecret());
    } catch {
      throw new PlatformError('UNAUTHENTICATED', 'Invalid or expired token');
    }
    let operator: boolean;
    try {
      const principal = await confirmSession(this.rpc, claims);
      operator = principal.kind === 'user' && principal.operator;
    } catch (error) {
      if (!(error instanceof PlatformError) || error.code !== 'SERVICE_UNAVAILABLE') throw error;
      operator = claims.op === true;
    }
    if (!operator) throw new PlatformError('FORBIDDEN', 'Only platform operators may do this');
    return true;
  }
}
