import { Injectable, Logger } from '@nestjs/common';
import type { RouteView } from '@airtime/contracts';
import { RouteStore } from '../../route-store.js';
import { upstreamRepeated } from '../../routing.exceptions.js';
import { RoutingService } from '../../routing.service.js';
import { SetRouteCommand } from './set-route.command.js';

/**
 * An operator's route: the whole ordered list for a country, network and kind, replacing the last.
 * New orders follow it (on other replicas within CATALOGUE_CACHE_MS); orders already sent are not
 * moved.
 */
@Injectable()
export class SetRouteUseCase {
  private readonly logger = new Logger(SetRouteUseCase.name);

  constructor(
    private readonly store: RouteStore,
    private readonly routing: RoutingService,
  ) {}

  async execute({ request }: SetRouteCommand): Promise<RouteView> {
    const seen = new Set<string>();
    for (const entry of request.entries) {
      if (seen.has(entry.upstream)) throw upstreamRepeated(entry.upstream);
      seen.add(entry.upstream);
    }
    const route = await this.store.replace(request.country.toUpperCase(), request.network.toLowerCase(), request.kind, request.entries, request.actor);
    this.routing.forget();
    this.logger.log({ msg: 'route set', country: route.country, network: route.network, kind: route.kind, upstreams: route.entries.map((e) => e.upstream), actor: request.actor });
    return route;
  }
}
