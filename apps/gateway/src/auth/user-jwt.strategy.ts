import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { UserTokenClaims } from '@airtime/contracts';
import { GatewayConfig } from '../config/gateway.config.js';
import type { Principal } from './principal.js';
import { SessionVerifier } from './session-verifier.js';
import { USER_TOKEN_VERIFY_OPTIONS } from './user-token.js';

/**
 * Verifies identity's JWTs: one algorithm, our issuer and audience, and an unexpired token only; then
 * identity confirms the session still stands (see confirmSession; remembered a while by SessionVerifier).
 */
@Injectable()
export class UserJwtStrategy extends PassportStrategy(Strategy, 'user-jwt') {
  constructor(
    config: GatewayConfig,
    private readonly sessions: SessionVerifier,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret(),
      ...USER_TOKEN_VERIFY_OPTIONS,
      ignoreExpiration: false,
    });
  }

  validate(claims: UserTokenClaims): Promise<Principal> {
    return this.sessions.confirm(claims);
  }
}
