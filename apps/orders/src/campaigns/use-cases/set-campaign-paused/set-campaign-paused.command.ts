import type { SetCampaignPausedRequest } from '@airtime/contracts';

export class SetCampaignPausedCommand {
  /** The campaign (account, mode, id) and whether it is to be paused or resumed. */
  readonly request: SetCampaignPausedRequest;

  constructor(fields: SetCampaignPausedCommand) {
    Object.assign(this, fields);
  }
}
