import { Injectable, Logger } from '@nestjs/common';
import { API_KEY_MODES, type UpstreamDrainView } from '@airtime/contracts';
import { RouteStore } from '../../route-store.js';
import { RoutingService } from '../../routing.service.js';
import { SetUpstreamDrainedCommand } from './set-upstream-drained.command.js';

/**
 * An operator drains an upstream (no new order is sent to it; those already sent are followed up as
 * usual) or puts it back, in one mode or both, without a deploy. Answers every drain now in force.
 */
@Injectable()
export class SetUpstreamDrainedUseCase {
  private readonly logger = new Logger(SetUpstreamDrainedUseCase.name);

  constructor(
    private readonly store: RouteStore,
    private readonly routing: RoutingService,
  ) {}

  async execute({ request }: SetUpstreamDrainedCommand): Promise<UpstreamDrainView[]> {
    const modes = request.mode ? [request.mode] : [...API_KEY_MODES];
    await this.store.setDrained(request.upstream, modes, request.drained, request.reason ?? null, request.actor);
    this.routing.forget();
    this.logger.log({ msg: request.drained ? 'upstream drained' : 'upstream undrained', upstream: request.upstream, modes, actor: request.actor });
    return this.store.drains();
  }
}
