import { type DynamicModule, Module } from '@nestjs/common';
import { type SimulatorControlsOption, TestNumberOverrides, testNumberOverridesController } from '../test-number-overrides.js';
import { TutiSimulatorController } from './tuti-simulator.controller.js';
import { TutiSimulatorService } from './tuti-simulator.service.js';

/** The simulated Tuti Tech (seed 004, Sudan) under `/tuti`; `register({ controls: true })` adds `/tuti/sim/behaviours/:target`. */
@Module({ controllers: [TutiSimulatorController], providers: [TutiSimulatorService, TestNumberOverrides] })
export class TutiSimulatorModule {
  static register({ controls }: SimulatorControlsOption): DynamicModule {
    return { module: TutiSimulatorModule, controllers: controls ? [testNumberOverridesController('tuti')] : [] };
  }
}
