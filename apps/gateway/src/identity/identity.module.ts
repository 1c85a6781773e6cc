import { Module } from '@nestjs/common';
import { AccountController } from './account.controller.js';
import { IdentityResolver } from './identity.resolver.js';
import { OnboardingController } from './onboarding.controller.js';
import { SessionsController } from './sessions.controller.js';
import { SignInLimits } from './sign-in-limits.js';

@Module({
  controllers: [OnboardingController, SessionsController, AccountController],
  providers: [IdentityResolver, SignInLimits],
})
export class IdentityModule {}
