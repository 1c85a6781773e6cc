import type { GetWebhookDeliveriesRequest } from '@airtime/contracts';

export class GetDeliveriesCommand {
  /** The account, its mode and the ids asked for. */
  readonly request: GetWebhookDeliveriesRequest;

  constructor(fields: GetDeliveriesCommand) {
    Object.assign(this, fields);
  }
}
