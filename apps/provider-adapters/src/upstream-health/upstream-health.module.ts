import { Module } from '@nestjs/common';
import { RechargeModule } from '../recharge/recharge.module.js';
import { UpstreamFloatMetrics } from './upstream-float-metrics.js';
import { UpstreamFloats } from './upstream-floats.js';
import { UpstreamHealthController } from './upstream-health.controller.js';
import { GetUpstreamHealthUseCase } from './use-cases/get-upstream-health/get-upstream-health.use-case.js';

/**
 * Operators' view of each upstream (provider-adapters.upstreams.health): how its sends went lately,
 * from the adapters' own record, this replica's circuit breakers, and our float where it reports one.
 */
@Module({
  imports: [RechargeModule],
  controllers: [UpstreamHealthController],
  providers: [GetUpstreamHealthUseCase, UpstreamFloatMetrics, { provide: UpstreamFloats, useFactory: () => new UpstreamFloats() }],
})
export class UpstreamHealthModule {}
