import { Module } from '@nestjs/common';
import { AfricasTalkingSimulatorController } from './africastalking-simulator.controller.js';
import { AfricasTalkingSimulatorService } from './africastalking-simulator.service.js';

/** The simulated airtime service of seed 002 (Africa's Talking) under `/africastalking/airtime`. */
@Module({ controllers: [AfricasTalkingSimulatorController], providers: [AfricasTalkingSimulatorService] })
export class AfricasTalkingSimulatorModule {}
