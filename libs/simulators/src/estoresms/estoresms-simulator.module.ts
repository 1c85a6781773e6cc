import { type DynamicModule, Module } from '@nestjs/common';
import { type SimulatorControlsOption, TestNumberOverrides, testNumberOverridesController } from '../test-number-overrides.js';
import { estoresmsSimSettings } from './estoresms-sim-settings.js';
import { EstoresmsSimControlsController } from './estoresms-sim-controls.controller.js';
import { EstoresmsSimController } from './estoresms-sim.controller.js';
import { ESTORESMS_SIM_SETTINGS, EstoresmsSimService } from './estoresms-sim.service.js';
import { EstoresmsController } from './estoresms.controller.js';

/**
 * The simulated eStoreSMS (Airtime PIN API v2, Nigeria), under `/estoresms`. Its account comes from
 * SIM_ESTORESMS_* (see estoresms-sim-settings.ts), its timing from SIM_SLOW_ANSWER_MS and
 * SIM_CALLBACK_DELAY_MS, read when the module starts. Imported bare it has no control routes;
 * `register({ controls: true })` adds `/estoresms/sim/behaviours/:target` and `/estoresms/sim/balance`.
 */
@Module({
  controllers: [EstoresmsController, EstoresmsSimController],
  providers: [EstoresmsSimService, TestNumberOverrides, { provide: ESTORESMS_SIM_SETTINGS, useFactory: () => estoresmsSimSettings(process.env) }],
  exports: [EstoresmsSimService],
})
export class EstoresmsSimulatorModule {
  static register({ controls }: SimulatorControlsOption): DynamicModule {
    return { module: EstoresmsSimulatorModule, controllers: controls ? [testNumberOverridesController('estoresms'), EstoresmsSimControlsController] : [] };
  }
}
