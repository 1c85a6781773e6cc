import type { ApiKeyMode } from '@airtime/contracts';

export class GetCampaignsCommand {
  readonly accountId: string;
  readonly mode: ApiKeyMode;
  /** Campaign ids; those not the account's in this mode are left out of the answer. */
  readonly ids: string[];

  constructor(fields: GetCampaignsCommand) {
    Object.assign(this, fields);
  }
}
