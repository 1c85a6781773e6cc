import { Rpc } from '@airtime/contracts';
import { PlatformError } from '@airtime/platform';
import { failureOf, forEachFile } from '@airtime/platform/testing';
import { outcome, startOrdersService, transferFor } from '../../../testing/start-orders-service.js';
import { payoutSignature } from '../../campaign-secrets.js';
import { createCampaign, econetPhone, pay, signedPayout } from '../../testing.js';
import { GetCampaignsCommand } from '../get-campaigns/get-campaigns.command.js';
import { GetCampaignsUseCase } from '../get-campaigns/get-campaigns.use-case.js';
import { SetCampaignPausedCommand } from '../set-campaign-paused/set-campaign-paused.command.js';
import { SetCampaignPausedUseCase } from '../set-campaign-paused/set-campaign-paused.use-case.js';

const orders = forEachFile(() => startOrdersService(), (o) => o.peers.reset());
const { debit, refund } = Rpc.wallet;
const { dispatch } = Rpc.providerAdapters;
const succeed = () => orders.peers.on(debit, (p) => transferFor(p)).on(dispatch, (p) => outcome(p, 'success', { provider_ref: 'OMG-1' }));
const payouts = async (campaignId: string) => Number((await orders.db.query(`SELECT count(*) AS n FROM campaign_payouts WHERE campaign_id = $1`, [campaignId]))[0].n);
const view = async (c: { id: string }) => {
  const [row] = await orders.db.query(`SELECT account_id, mode FROM campaigns WHERE id = $1`, [c.id]);
  const [found] = await orders.app.get(GetCampaignsUseCase).execute(new GetCampaignsCommand({ accountId: row.account_id, mode: row.mode, ids: [c.id] }));
  return found;
};

describe('paying a campaign completion', () => {
  it('pays a signed completion by an ordinary order, and answers a replay with the same payout without paying again', async () => {
    succeed();
    const campaign = await createCampaign(orders);
    const command = signedPayout(campaign, { completion_id: 'resp-1', phone: '+263 77 227 9099' });

    const payout = await pay(orders, command);
    const again = await pay(orders, command);

    expect(payout).toMatchObject({ completion_id: 'resp-1', phone: '263772279099', amount: '2.00', amount_minor: '200', status: 'success', currency: 'USD' });
    expect(payout.agent_reference).toMatch(new RegExp(`^campaign:${campaign.id}:[0-9a-f]{32}$`));
    expect(again).toEqual(payout);
    expect(orders.peers.to(debit)).toEqual([expect.objectContaining({ amount_minor: '200', order_id: payout.order_id })]);
    expect(await view(campaign)).toMatchObject({ spent: '2.00', in_flight: '0.00', remaining: '8.00', payout_counts: { success: 1 } });
  });

  it('refuses a wrong, missing or foreign signature and an unknown campaign alike (401), changing nothing', async () => {
    const campaign = await createCampaign(orders);
    const other = await createCampaign(orders);
    const attempts = [
      signedPayout(campaign, {}, { signature: null }),
      signedPayout(campaign, {}, { signature: 'sha256=' + '0'.repeat(64) }),
      signedPayout({ id: campaign.id, secret: other.secret }),
      signedPayout({ id: '00000000-0000-4000-8000-000000000000', secret: campaign.secret }),
      signedPayout({ id: 'not-a-uuid', secret: campaign.secret }),
    ];
    for (const attempt of attempts) expect(await failureOf(pay(orders, attempt))).toMatchObject({ code: 'INVALID_SIGNATURE' });
    expect(await payouts(campaign.id)).toBe(0);
    expect(orders.peers.requests).toEqual([]);
  });

  it('refuses a timestamp more than five minutes off, and a signed body that is not a payout', async () => {
    const campaign = await createCampaign(orders);
    const old = Math.floor(Date.now() / 1000) - 301;
    expect(await failureOf(pay(orders, signedPayout(campaign, { timestamp: old })))).toMatchObject({ code: 'SIGNATURE_EXPIRED' });
    expect(await failureOf(pay(orders, signedPayout(campaign, { timestamp: old + 700 })))).toMatchObject({ code: 'SIGNATURE_EXPIRED' });
    expect(await failureOf(pay(orders, signedPayout(campaign, { phone: 12 })))).toMatchObject({ code: 'VALIDATION_FAILED' });
    const raw = Buffer.from('not json');
    expect(await failureOf(pay(orders, { campaignId: campaign.id, body: raw, signature: payoutSignature(raw, campaign.secret) }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await payouts(campaign.id)).toBe(0);
  });

  it('refuses a payout past the budget (422), one phone twice (422), and pays again once a failed payout released its budget', async () => {
    orders.peers.on(debit, (p) => transferFor(p)).on(refund, (p) => transferFor(p, 'refund')).on(dispatch, (p) => outcome(p, 'failed'));
    const campaign = await createCampaign(orders, { budget: '4' });

    const failed = await pay(orders, signedPayout(campaign, { phone: econetPhone(1) }));
    expect(failed.status).toBe('refunded');
    succeed();
    await pay(orders, signedPayout(campaign, { phone: econetPhone(1) }));
    expect(await failureOf(pay(orders, signedPayout(campaign, { phone: econetPhone(1) })))).toMatchObject({ code: 'PHONE_ALREADY_PAID' });
    await pay(orders, signedPayout(campaign, { phone: econetPhone(2) }));
    expect(await failureOf(pay(orders, signedPayout(campaign, { phone: econetPhone(3) })))).toMatchObject({ code: 'CAMPAIGN_BUDGET_EXCEEDED' });
    expect(await view(campaign)).toMatchObject({ spent: '4.00', remaining: '0.00', payout_counts: { success: 2, refunded: 1 } });
  });

  it("answers the wallet's refusal (422 INSUFFICIENT_FUNDS) for the payout and its replay, and gives its budget and phone back", async () => {
    orders.peers.on(debit, () => {
      throw new PlatformError('INSUFFICIENT_FUNDS', 'Insufficient funds');
    });
    const campaign = await createCampaign(orders, { budget: '2' });
    const refused = signedPayout(campaign, { phone: econetPhone(7) });

    expect(await failureOf(pay(orders, refused))).toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    expect(await failureOf(pay(orders, refused))).toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    expect(orders.peers.to(debit)).toHaveLength(1);
    expect(orders.peers.to(dispatch)).toEqual([]);
    expect(await view(campaign)).toMatchObject({ in_flight: '0.00', remaining: '2.00', payout_counts: { failed: 1 } });
    succeed();
    expect(await pay(orders, signedPayout(campaign, { phone: econetPhone(7) }))).toMatchObject({ status: 'success' });
  });

  it('pays within a range only what the request asks inside it', async () => {
    succeed();
    const campaign = await createCampaign(orders, { amount: undefined, min_amount: '1', max_amount: '3' });
    expect(await pay(orders, signedPayout(campaign, { amount: 2.5 }))).toMatchObject({ amount: '2.50', status: 'success' });
    expect(await failureOf(pay(orders, signedPayout(campaign, { amount: '3.5' })))).toMatchObject({ code: 'AMOUNT_OUT_OF_RANGE' });
    expect(await failureOf(pay(orders, signedPayout(campaign, {})))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('refuses new completions while paused or once ended (409), but still answers a known completion', async () => {
    succeed();
    const campaign = await createCampaign(orders);
    const known = signedPayout(campaign);
    const paid = await pay(orders, known);
    const [row] = await orders.db.query(`SELECT account_id FROM campaigns WHERE id = $1`, [campaign.id]);
    await orders.app.get(SetCampaignPausedUseCase).execute(new SetCampaignPausedCommand({ request: { account_id: row.account_id, mode: 'live', campaign_id: campaign.id, paused: true } }));

    expect(await failureOf(pay(orders, signedPayout(campaign)))).toMatchObject({ code: 'CAMPAIGN_PAUSED' });
    expect((await pay(orders, known)).id).toBe(paid.id);
    await orders.db.query(`UPDATE campaigns SET paused = false, ends_at = now() - interval '1 second' WHERE id = $1`, [campaign.id]);
    expect(await failureOf(pay(orders, signedPayout(campaign)))).toMatchObject({ code: 'CAMPAIGN_ENDED' });
  });

  it('makes one payout of ten concurrent duplicates, and never overshoots the budget under concurrent distinct completions', async () => {
    succeed();
    const campaign = await createCampaign(orders);
    const duplicate = signedPayout(campaign, { completion_id: 'dup' });
    const answers = await Promise.all(Array.from({ length: 10 }, () => pay(orders, duplicate)));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(orders.peers.to(debit)).toHaveLength(1);

    const distinct = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => pay(orders, signedPayout(campaign, { phone: econetPhone(100 + i) }))));
    const paid = distinct.filter((r) => r.status === 'fulfilled');
    expect(paid).toHaveLength(4);
    expect(distinct.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(Array(6).fill('CAMPAIGN_BUDGET_EXCEEDED'));
    expect(await view(campaign)).toMatchObject({ spent: '10.00', remaining: '0.00' });
  });
});
