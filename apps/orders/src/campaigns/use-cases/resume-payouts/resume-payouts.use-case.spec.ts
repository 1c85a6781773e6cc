import { Rpc } from '@airtime/contracts';
import { forEachFile } from '@airtime/platform/testing';
import { outcome, startOrdersService, transferFor } from '../../../testing/start-orders-service.js';
import { payoutReference } from '../pay-campaign/pay-campaign.use-case.js';
import { createCampaign } from '../../testing.js';
import { ResumePayoutsCommand } from './resume-payouts.command.js';
import { ResumePayoutsUseCase } from './resume-payouts.use-case.js';

const orders = forEachFile(() => startOrdersService(), (o) => o.peers.reset());
const { debit } = Rpc.wallet;
const { dispatch } = Rpc.providerAdapters;

/** A payout committed by a process that stopped before making its order. */
async function orphan(campaignId: string, completionId: string, secondsAgo: number): Promise<void> {
  await orders.db.query(
    `INSERT INTO campaign_payouts (campaign_id, completion_id, phone, amount_minor, agent_reference, created_at)
     VALUES ($1, $2, '263772279099', 200, $3, now() - make_interval(secs => $4))`,
    [campaignId, completionId, payoutReference(campaignId, completionId), secondsAgo],
  );
}

const resume = (graceSeconds: number) => orders.app.get(ResumePayoutsUseCase).execute(new ResumePayoutsCommand({ graceSeconds, limit: 100 }));
const orderOf = async (campaignId: string, completionId: string) =>
  (await orders.db.query(`SELECT status FROM orders WHERE agent_reference = $1`, [payoutReference(campaignId, completionId)]))[0] as { status: string } | undefined;

describe('resuming payouts whose order was never made', () => {
  it('pays an orphaned payout once its grace has passed, by the same order a retried request would make', async () => {
    orders.peers.on(debit, (p) => transferFor(p)).on(dispatch, (p) => outcome(p, 'success', { provider_ref: 'OMG-9' }));
    const campaign = await createCampaign(orders);
    await orphan(campaign.id, 'old', 120);
    await orphan(campaign.id, 'young', 0);

    expect(await resume(60)).toMatchObject({ found: 1, paid: 1 });
    expect(await orderOf(campaign.id, 'old')).toBeDefined();
    expect(await orderOf(campaign.id, 'young')).toBeUndefined();
    // The order is processed after it is made: wait for its debit.
    const deadline = Date.now() + 5000;
    while (orders.peers.to(debit).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(orders.peers.to(debit)).toEqual([expect.objectContaining({ amount_minor: '200' })]);

    // Run again: the paid payout is no orphan any more, so nothing is paid twice.
    expect(await resume(60)).toMatchObject({ found: 0 });
    expect(Number((await orders.db.query(`SELECT count(*) AS n FROM orders WHERE agent_reference = $1`, [payoutReference(campaign.id, 'old')]))[0].n)).toBe(1);
    expect(orders.peers.to(debit)).toHaveLength(1);
  });
});
