import type { CreateCampaignRequest } from '@airtime/contracts';

export class CreateCampaignCommand {
  /** The campaign as the tenant described it, with its account and mode. */
  readonly request: CreateCampaignRequest;

  constructor(fields: CreateCampaignCommand) {
    Object.assign(this, fields);
  }
}
