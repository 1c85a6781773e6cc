import type { ListCampaignsRequest } from '@airtime/contracts';

export class ListCampaignsCommand {
  /** The account, its mode and the page asked for. */
  readonly request: ListCampaignsRequest;

  constructor(fields: ListCampaignsCommand) {
    Object.assign(this, fields);
  }
}
