import { Module } from '@nestjs/common';
import { estoresmsSimSettings } from './estoresms-sim-settings.js';
import { EstoresmsSimController } from './estoresms-sim.controller.js';
import { ESTORESMS_SIM_SETTINGS, EstoresmsSimService } from './estoresms-sim.service.js';
import { EstoresmsController } from './estoresms.controller.js';

/**
 * The simulated eStoreSMS (Airtime PIN API v2, Nigeria), under `/estoresms`. Its account comes from
 * SIM_ESTORESMS_* (see estoresms-sim-settings.ts), its timing from SIM_SLOW_ANSWER_MS and
 * SIM_CALLBACK_DELAY_MS, read when the module starts.
 */
@Module({
  controllers: [EstoresmsController, EstoresmsSimController],
  providers: [EstoresmsSimService, { provide: ESTORESMS_SIM_SETTINGS, useFactory: () => estoresmsSimSettings(process.env) }],
  exports: [EstoresmsSimService],
})
export class EstoresmsSimulatorModule {}
