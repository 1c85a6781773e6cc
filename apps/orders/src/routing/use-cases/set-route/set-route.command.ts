import type { SetRouteRequest } from '@airtime/contracts';

export class SetRouteCommand {
  constructor(readonly request: SetRouteRequest) {}
}
