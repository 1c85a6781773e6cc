import { Module } from '@nestjs/common';
import { AccountController } from './account.controller.js';
import { IdentityResolver } from './identity.resolver.js';
import { OnboardingController } from './onboarding.controller.js';
import { SessionsController } from './sessions.controller.js';

@Module({
  controllers: [OnboardingController, SessionsController, AccountController],
  providers: [IdentityResolver],
})
export class IdentityModule {}
