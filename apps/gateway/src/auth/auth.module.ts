import { Global, Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { PrincipalGuard } from './principal.guard.js';
import { UserJwtGuard } from './user-jwt.guard.js';
import { UserJwtStrategy } from './user-jwt.strategy.js';

@Global()
@Module({
  imports: [PassportModule],
  providers: [UserJwtStrategy, UserJwtGuard, PrincipalGuard],
  exports: [UserJwtGuard, PrincipalGuard],
})
export class AuthModule {}
