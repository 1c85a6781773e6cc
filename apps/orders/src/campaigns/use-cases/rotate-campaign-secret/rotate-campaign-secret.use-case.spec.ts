import { randomUUID } from 'node:crypto';
import { failureOf, forEachFile } from '@airtime/platform/testing';
import { startOrdersService } from '../../../testing/start-orders-service.js';
import { createCampaign, pay, signedPayout } from '../../testing.js';
import { RotateCampaignSecretCommand } from './rotate-campaign-secret.command.js';
import { RotateCampaignSecretUseCase } from './rotate-campaign-secret.use-case.js';

const orders = forEachFile(() => startOrdersService());
const rotate = (request: { account_id: string; mode: 'live' | 'test'; campaign_id: string }) => orders.app.get(RotateCampaignSecretUseCase).execute(new RotateCampaignSecretCommand({ request }));

describe('rotating a campaign secret', () => {
  it('answers a new secret once; the old one no longer signs', async () => {
    const accountId = randomUUID();
    const campaign = await createCampaign(orders, { account_id: accountId });

    const rotated = await rotate({ account_id: accountId, mode: 'live', campaign_id: campaign.id });

    expect(rotated.id).toBe(campaign.id);
    expect(rotated.secret).not.toBe(campaign.secret);
    expect(await failureOf(pay(orders, signedPayout(campaign, { timestamp: 0 })))).toMatchObject({ code: 'INVALID_SIGNATURE' });
    expect(await failureOf(pay(orders, signedPayout(rotated, { timestamp: 0 })))).toMatchObject({ code: 'SIGNATURE_EXPIRED' });
  });

  it("is another account's or another mode's campaign: not found", async () => {
    const accountId = randomUUID();
    const campaign = await createCampaign(orders, { account_id: accountId });
    expect((await failureOf(rotate({ account_id: randomUUID(), mode: 'live', campaign_id: campaign.id }))).code).toBe('CAMPAIGN_NOT_FOUND');
    expect((await failureOf(rotate({ account_id: accountId, mode: 'test', campaign_id: campaign.id }))).code).toBe('CAMPAIGN_NOT_FOUND');
  });
});
