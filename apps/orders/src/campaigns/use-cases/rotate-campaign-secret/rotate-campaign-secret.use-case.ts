import { Injectable } from '@nestjs/common';
import type { CreatedCampaignView } from '@airtime/contracts';
import { CampaignSecrets } from '../../campaign-secrets.js';
import { CampaignStore } from '../../campaign-store.js';
import { campaignViews } from '../../campaign-views.js';
import { campaignNotFound } from '../../campaigns.exceptions.js';
import { RotateCampaignSecretCommand } from './rotate-campaign-secret.command.js';

/**
 * A new signing secret, answered once; the old one stops working at once (no overlap: a leaked
 * secret is the usual reason to rotate, and the survey tool is the only signer to update).
 */
@Injectable()
export class RotateCampaignSecretUseCase {
  constructor(
    private readonly store: CampaignStore,
    private readonly secrets: CampaignSecrets,
  ) {}

  async execute({ request }: RotateCampaignSecretCommand): Promise<CreatedCampaignView> {
    const secret = this.secrets.generate();
    const campaign = await this.store.update(request.account_id, request.mode, request.campaign_id, { secret_sealed: this.secrets.seal(secret) });
    if (!campaign) throw campaignNotFound();
    const [view] = await campaignViews(this.store, [campaign]);
    return { ...(view as CreatedCampaignView), secret };
  }
}
