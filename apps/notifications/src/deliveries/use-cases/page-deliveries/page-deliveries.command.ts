import type { PageWebhookDeliveriesRequest } from '@airtime/contracts';

export class PageDeliveriesCommand {
  /** The account, its mode, the filters and the page asked for. */
  readonly request: PageWebhookDeliveriesRequest;

  constructor(fields: PageDeliveriesCommand) {
    Object.assign(this, fields);
  }
}
