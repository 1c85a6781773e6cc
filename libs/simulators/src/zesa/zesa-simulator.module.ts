import { Module } from '@nestjs/common';
import { ZesaSimulatorController } from './zesa-simulator.controller.js';
import { ZesaSimulatorService } from './zesa-simulator.service.js';

/** The simulated ZESA prepaid electricity vendor under `/zesa/api/v1`. */
@Module({ controllers: [ZesaSimulatorController], providers: [ZesaSimulatorService] })
export class ZesaSimulatorModule {}
