import { type DynamicModule, Module } from '@nestjs/common';
import { type SimulatorControlsOption, TestNumberOverrides, testNumberOverridesController } from '../test-number-overrides.js';
import { OmegaAuthController } from './omega-auth.controller.js';
import { OmegaRechargesController, OmegaSimController } from './omega-recharges.controller.js';
import { OMEGA_SIM_SETTINGS, omegaSimSettings } from './omega-settings.js';
import { OmegaSimulatorService } from './omega-simulator.service.js';

/**
 * The simulated Omega (000, Zimbabwe) under `/omega`: PIN authentication, the current user and single
 * airtime recharges, idempotent on the reference. Settings come from SIM_OMEGA_* when it starts.
 * `register({ controls: true })` adds `/omega/sim/behaviours/:target`.
 */
@Module({
  controllers: [OmegaAuthController, OmegaRechargesController, OmegaSimController],
  providers: [OmegaSimulatorService, TestNumberOverrides, { provide: OMEGA_SIM_SETTINGS, useFactory: () => omegaSimSettings() }],
})
export class OmegaSimulatorModule {
  static register({ controls }: SimulatorControlsOption): DynamicModule {
    return { module: OmegaSimulatorModule, controllers: controls ? [testNumberOverridesController('omega')] : [] };
  }
}
