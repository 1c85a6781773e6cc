import type { CampaignRequest } from '@airtime/contracts';

export class RotateCampaignSecretCommand {
  /** The campaign: account, mode and id. */
  readonly request: CampaignRequest;

  constructor(fields: RotateCampaignSecretCommand) {
    Object.assign(this, fields);
  }
}
