import { type DynamicModule, Module } from '@nestjs/common';
import { type SimulatorControlsOption, TestNumberOverrides, testNumberOverridesController } from '../test-number-overrides.js';
import { AfricasTalkingSimControlsController } from './africastalking-sim-controls.controller.js';
import { AfricasTalkingSimulatorController } from './africastalking-simulator.controller.js';
import { AfricasTalkingSimulatorService } from './africastalking-simulator.service.js';

/**
 * The simulated airtime service of seed 002 (Africa's Talking) under `/africastalking/airtime`;
 * `register({ controls: true })` adds `/africastalking/sim/behaviours/:target` and `/africastalking/sim/sends/:key`.
 */
@Module({ controllers: [AfricasTalkingSimulatorController], providers: [AfricasTalkingSimulatorService, TestNumberOverrides] })
export class AfricasTalkingSimulatorModule {
  static register({ controls }: SimulatorControlsOption): DynamicModule {
    return { module: AfricasTalkingSimulatorModule, controllers: controls ? [testNumberOverridesController('africastalking'), AfricasTalkingSimControlsController] : [] };
  }
}
