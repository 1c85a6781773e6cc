import { Module } from '@nestjs/common';
import { TutiSimulatorController } from './tuti-simulator.controller.js';
import { TutiSimulatorService } from './tuti-simulator.service.js';

/** The simulated Tuti Tech (seed 004, Sudan) under `/tuti`. */
@Module({ controllers: [TutiSimulatorController], providers: [TutiSimulatorService] })
export class TutiSimulatorModule {}
