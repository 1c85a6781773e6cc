import { Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { HealthOperatorGuard } from './health-operator.guard.js';
import { HealthProbes } from './health-probes.js';

@Module({ controllers: [HealthController], providers: [HealthProbes, HealthOperatorGuard] })
export class HealthModule {}
