import type { SetUpstreamDrainedRequest } from '@airtime/contracts';

export class SetUpstreamDrainedCommand {
  constructor(readonly request: SetUpstreamDrainedRequest) {}
}
