import { Global, Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ApiKeyVerifier } from './api-key-verifier.js';
import { OperatorGuard } from './operator.guard.js';
import { PrincipalGuard } from './principal.guard.js';
import { SessionVerifier } from './session-verifier.js';
import { UserJwtGuard } from './user-jwt.guard.js';
import { UserJwtStrategy } from './user-jwt.strategy.js';

@Global()
@Module({
  imports: [PassportModule],
  providers: [ApiKeyVerifier, SessionVerifier, UserJwtStrategy, UserJwtGuard, PrincipalGuard, OperatorGuard],
  exports: [ApiKeyVerifier, SessionVerifier, UserJwtGuard, PrincipalGuard, OperatorGuard],
})
export class AuthModule {}
