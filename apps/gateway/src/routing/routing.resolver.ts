import { UseGuards } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type ProductKind, Rpc } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { OperatorGuard } from '../auth/operator.guard.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { DrainUpstreamInput, SetRouteInput } from './dtos/route.inputs.js';
import { DrainUpstreamPayload, RouteModel, SetRoutePayload, UpstreamDrainModel, UpstreamHealthModel } from './dtos/route.models.js';

/** Operators' routing: the route table, draining upstreams, and each upstream's health. */
@Resolver()
@UseGuards(OperatorGuard)
export class RoutingResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => [RouteModel], { description: 'Operators: the route table, optionally of one country, network or kind' })
  async routes(
    @Args('country', { nullable: true }) country?: string,
    @Args('network', { nullable: true }) network?: string,
    @Args('kind', { nullable: true }) kind?: string,
  ): Promise<RouteModel[]> {
    // orders validates the filter (an unknown kind is VALIDATION_FAILED, with the field named).
    const routes = await this.rpc.request(Rpc.orders.listRoutes, {
      ...(country ? { country } : {}), ...(network ? { network } : {}), ...(kind ? { kind: kind as ProductKind } : {}),
    });
    return routes.map(RouteModel.from);
  }

  @Mutation(() => SetRoutePayload, { description: "Operators: sets a country, network and kind's whole list of upstreams. A later one is tried only when an earlier one has certainly not delivered." })
  async setRoute(@CurrentPrincipal() principal: Principal, @Args('input') input: SetRouteInput): Promise<SetRoutePayload> {
    const route = await this.rpc.request(Rpc.orders.setRoute, {
      country: input.country, network: input.network, kind: input.kind, actor: actorOf(principal),
      entries: input.entries.map((e) => ({
        upstream: e.upstream, priority: e.priority, test_mode: e.testMode,
        ...(e.weight !== undefined && e.weight !== null ? { weight: e.weight } : {}),
        ...(e.costBps !== undefined && e.costBps !== null ? { cost_bps: e.costBps } : {}),
        ...(e.costCurrency ? { cost_currency: e.costCurrency } : {}),
      })),
    });
    return { route: RouteModel.from(route) };
  }

  @Mutation(() => DrainUpstreamPayload, { description: 'Operators: stops (or resumes) sending new orders to an upstream, in one mode or both; orders already sent are followed up as usual' })
  async drainUpstream(@CurrentPrincipal() principal: Principal, @Args('input') input: DrainUpstreamInput): Promise<DrainUpstreamPayload> {
    const drains = await this.rpc.request(Rpc.orders.setUpstreamDrained, {
      upstream: input.upstream, drained: input.drained, actor: actorOf(principal), ...(input.mode ? { mode: input.mode } : {}), ...(input.reason ? { reason: input.reason } : {}),
    });
    return { drains: drains.map(UpstreamDrainModel.from) };
  }

  @Query(() => [UpstreamHealthModel], { description: 'Operators: every upstream in each mode: drained or not, its circuit, success and failure counts, latency and float over the last windowMinutes (default 15)' })
  async upstreams(@Args('windowMinutes', { type: () => Int, nullable: true }) windowMinutes?: number): Promise<UpstreamHealthModel[]> {
    const [health, drains] = await Promise.all([
      this.rpc.request(Rpc.providerAdapters.upstreamHealth, windowMinutes ? { window_minutes: windowMinutes } : {}),
      this.rpc.request(Rpc.orders.listUpstreamDrains, {}),
    ]);
    return health.map((h) => UpstreamHealthModel.from(h, drains.find((d) => d.upstream === h.upstream && d.mode === h.mode)));
  }
}
