import type { ListCampaignPayoutsRequest } from '@airtime/contracts';

export class ListCampaignPayoutsCommand {
  /** The campaign (account, mode, id) and the page asked for. */
  readonly request: ListCampaignPayoutsRequest;

  constructor(fields: ListCampaignPayoutsCommand) {
    Object.assign(this, fields);
  }
}
