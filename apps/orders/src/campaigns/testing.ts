import { randomUUID } from 'node:crypto';
import type { CreatedCampaignView } from '@airtime/contracts';
import type { RunningOrders } from '../testing/start-orders-service.js';
import { payoutSignature } from './campaign-secrets.js';
import { CreateCampaignCommand } from './use-cases/create-campaign/create-campaign.command.js';
import { CreateCampaignUseCase } from './use-cases/create-campaign/create-campaign.use-case.js';
import { PayCampaignCommand } from './use-cases/pay-campaign/pay-campaign.command.js';
import { PayCampaignUseCase } from './use-cases/pay-campaign/pay-campaign.use-case.js';

/** A campaign of product 100 (Econet USD airtime) paying 2.00 a payout from a 10.00 budget, unless told otherwise. */
export function createCampaign(orders: RunningOrders, overrides: Record<string, unknown> = {}): Promise<CreatedCampaignView> {
  return orders.app.get(CreateCampaignUseCase).execute(new CreateCampaignCommand({
    request: { account_id: randomUUID(), mode: 'live', name: 'Survey', product_id: 100, amount: '2', budget: '10', ...overrides },
  }));
}

/** A payout request as a survey tool signs it: the body's exact bytes under the campaign secret. */
export function signedPayout(campaign: { id: string; secret: string }, body: Record<string, unknown> = {}, options: { signature?: string | null; waitMs?: number } = {}) {
  const raw = Buffer.from(JSON.stringify({ completion_id: `c-${randomUUID()}`, phone: '0772279099', timestamp: Math.floor(Date.now() / 1000), ...body }));
  const signature = options.signature === null ? undefined : (options.signature ?? payoutSignature(raw, campaign.secret));
  return new PayCampaignCommand({ campaignId: campaign.id, body: raw, signature, waitMs: options.waitMs });
}

export const pay = (orders: RunningOrders, command: PayCampaignCommand) => orders.app.get(PayCampaignUseCase).execute(command);

/** A distinct Econet number for each i, so one-per-phone never gets in the way. */
export const econetPhone = (i: number) => `07722${String(i).padStart(5, '0')}`;
