import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { GetUpstreamHealthRequest, Rpc, type UpstreamHealthView } from '@airtime/contracts';
import { RpcHandler } from '@airtime/platform';
import { GetUpstreamHealthCommand } from './use-cases/get-upstream-health/get-upstream-health.command.js';
import { GetUpstreamHealthUseCase } from './use-cases/get-upstream-health/get-upstream-health.use-case.js';

/** The health window when the operator names none. */
export const DEFAULT_HEALTH_WINDOW_MINUTES = 15;

@Controller()
export class UpstreamHealthController {
  constructor(private readonly getHealth: GetUpstreamHealthUseCase) {}

  @RpcHandler(Rpc.providerAdapters.upstreamHealth)
  health(@Payload() request: GetUpstreamHealthRequest): Promise<UpstreamHealthView[]> {
    return this.getHealth.execute(new GetUpstreamHealthCommand({ windowMinutes: request.window_minutes ?? DEFAULT_HEALTH_WINDOW_MINUTES }));
  }
}
