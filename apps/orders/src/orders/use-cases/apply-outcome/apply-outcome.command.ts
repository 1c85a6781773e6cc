import type { DispatchOutcome, UpstreamId } from '@airtime/contracts';

export class ApplyOutcomeCommand {
  /** The upstream that spoke: it must be one the order was sent to (its current one, or an earlier attempt's). */
  readonly upstream: UpstreamId;
  /** The dispatch reference the upstream was given (the order id without dashes). */
  readonly reference: string;
  readonly outcome: DispatchOutcome;

  constructor(fields: ApplyOutcomeCommand) {
    Object.assign(this, fields);
  }
}
