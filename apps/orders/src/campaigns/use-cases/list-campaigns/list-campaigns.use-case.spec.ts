import { randomUUID } from 'node:crypto';
import { Rpc } from '@airtime/contracts';
import { forEachFile } from '@airtime/platform/testing';
import { outcome, startOrdersService, transferFor } from '../../../testing/start-orders-service.js';
import { createCampaign, pay, signedPayout } from '../../testing.js';
import { ListCampaignPayoutsCommand } from '../list-campaign-payouts/list-campaign-payouts.command.js';
import { ListCampaignPayoutsUseCase } from '../list-campaign-payouts/list-campaign-payouts.use-case.js';
import { ListCampaignsCommand } from './list-campaigns.command.js';
import { ListCampaignsUseCase } from './list-campaigns.use-case.js';

const orders = forEachFile(() => startOrdersService());

describe('listing campaigns and their payouts', () => {
  it("pages an account's campaigns of one mode newest first, and a campaign's payouts with their orders", async () => {
    orders.peers.on(Rpc.wallet.debit, (p) => transferFor(p)).on(Rpc.providerAdapters.dispatch, (p) => outcome(p, 'success'));
    const accountId = randomUUID();
    const first = await createCampaign(orders, { account_id: accountId, name: 'first' });
    const second = await createCampaign(orders, { account_id: accountId, name: 'second' });
    await createCampaign(orders, { account_id: accountId, mode: 'test', name: 'test mode' });
    await createCampaign(orders, { name: 'another account' });
    const paid = await pay(orders, signedPayout(first));

    const page = await orders.app.get(ListCampaignsUseCase).execute(new ListCampaignsCommand({ request: { account_id: accountId, mode: 'live', limit: 1 } }));
    const next = await orders.app.get(ListCampaignsUseCase).execute(new ListCampaignsCommand({ request: { account_id: accountId, mode: 'live', after: page.edges[0]?.cursor } }));
    const payouts = await orders.app.get(ListCampaignPayoutsUseCase).execute(new ListCampaignPayoutsCommand({ request: { account_id: accountId, mode: 'live', campaign_id: first.id } }));

    expect(page.edges.map((e) => e.node.id)).toEqual([second.id]);
    expect(page.has_next_page).toBe(true);
    expect(next.edges.map((e) => e.node)).toEqual([expect.objectContaining({ id: first.id, spent: '2.00', payout_counts: { success: 1 } })]);
    expect(payouts.edges.map((e) => e.node)).toEqual([{ ...paid, status: 'success' }]);
  });
});
