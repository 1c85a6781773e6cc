import type { ApiKeyMode } from '@airtime/contracts';

export class GetOrderCommand {
  readonly accountId: string;
  readonly mode: ApiKeyMode;
  readonly agentReference: string;
  /** How long to wait for a pending order's outcome (0: answer at once, as it stands). */
  readonly waitMs: number;

  constructor(fields: GetOrderCommand) {
    Object.assign(this, fields);
  }
}
