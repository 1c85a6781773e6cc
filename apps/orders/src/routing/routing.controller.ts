import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ListRoutesRequest, ListUpstreamDrainsRequest, type RouteView, Rpc, SetRouteRequest, SetUpstreamDrainedRequest, type UpstreamDrainView,
} from '@airtime/contracts';
import { RpcHandler } from '@airtime/platform';
import { RouteStore } from './route-store.js';
import { SetRouteCommand } from './use-cases/set-route/set-route.command.js';
import { SetRouteUseCase } from './use-cases/set-route/set-route.use-case.js';
import { SetUpstreamDrainedCommand } from './use-cases/set-upstream-drained/set-upstream-drained.command.js';
import { SetUpstreamDrainedUseCase } from './use-cases/set-upstream-drained/set-upstream-drained.use-case.js';

/** Operators' routing: the gateway lets only operators reach these subjects. */
@Controller()
export class RoutingController {
  constructor(
    private readonly store: RouteStore,
    private readonly setRoute: SetRouteUseCase,
    private readonly setDrained: SetUpstreamDrainedUseCase,
  ) {}

  @RpcHandler(Rpc.orders.listRoutes)
  list(@Payload() request: ListRoutesRequest): Promise<RouteView[]> {
    return this.store.list(request);
  }

  @RpcHandler(Rpc.orders.setRoute)
  set(@Payload() request: SetRouteRequest): Promise<RouteView> {
    return this.setRoute.execute(new SetRouteCommand(request));
  }

  @RpcHandler(Rpc.orders.listUpstreamDrains)
  drains(@Payload() _request: ListUpstreamDrainsRequest): Promise<UpstreamDrainView[]> {
    return this.store.drains();
  }

  @RpcHandler(Rpc.orders.setUpstreamDrained)
  drain(@Payload() request: SetUpstreamDrainedRequest): Promise<UpstreamDrainView[]> {
    return this.setDrained.execute(new SetUpstreamDrainedCommand(request));
  }
}
