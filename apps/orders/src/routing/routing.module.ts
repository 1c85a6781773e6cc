import { Module } from '@nestjs/common';
import { RouteStore } from './route-store.js';
import { RoutingController } from './routing.controller.js';
import { RoutingService } from './routing.service.js';
import { SetRouteUseCase } from './use-cases/set-route/set-route.use-case.js';
import { SetUpstreamDrainedUseCase } from './use-cases/set-upstream-drained/set-upstream-drained.use-case.js';

@Module({
  controllers: [RoutingController],
  providers: [RouteStore, RoutingService, SetRouteUseCase, SetUpstreamDrainedUseCase],
  exports: [RoutingService],
})
export class RoutingModule {}
