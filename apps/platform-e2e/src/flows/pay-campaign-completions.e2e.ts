import { createHmac, randomUUID } from 'node:crypto';
import {
  CampaignPayoutsDocument,
  CampaignsPageDocument,
  CreateCampaignDocument,
  PauseCampaignDocument,
  ResumeCampaignDocument,
  RotateCampaignSecretDocument,
} from '../graphql/generated/operations.js';
import { graphql, http } from '../support/platform-client.js';
import { balanceOf, fundedShop, type Shop } from '../support/orders.js';
import { fundWallet } from '../support/operator.js';
import { createApiKey, onboardTenant } from '../support/tenants.js';

/** What a tenant's survey tool does: sign the exact bytes it sends with the campaign secret (README). */
function signed(secret: string, body: Record<string, unknown>): { raw: string; signature: string } {
  const raw = JSON.stringify({ timestamp: Math.floor(Date.now() / 1000), ...body });
  return { raw, signature: `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}` };
}

function postPayout(campaignId: string, raw: string, signature?: string) {
  return http('POST', `/api/v1/campaigns/${campaignId}/payouts`, { body: raw, headers: signature ? { 'x-airtime-signature': signature } : {} });
}

function payout(campaign: { id: string; secret: string }, body: Record<string, unknown>) {
  const { raw, signature } = signed(campaign.secret, body);
  return postPayout(campaign.id, raw, signature);
}

async function createCampaign(shop: Shop, body: Record<string, unknown> = {}): Promise<{ id: string; secret: string }> {
  const created = await http('POST', '/api/v1/campaigns', { apiKey: shop.key, body: { name: 'Respondents', product_id: 100, amount: 2, budget: 10, ...body } });
  if (created.status !== 201) throw new Error(`campaign refused: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.data;
}

/** A GraphQL answer's data, or the errors it carries instead. */
function dataOf<T>(result: { data: T | null; errors?: unknown }): T {
  if (!result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}

const campaignOf = async (shop: Shop, id: string) => (await http('GET', `/api/v1/campaigns/${id}`, { apiKey: shop.key })).body.data;
/** A distinct Econet number that the simulators deliver to (anything not ending 0001–0008). */
const phone = (i: number) => `0772${String(10 + i).padStart(2, '0')}9099`;

describe('a survey tool pays completions through a signed campaign', () => {
  it('pays a signed completion once by an ordinary order, answers a replay with the same payout, and shows the spend', async () => {
    const shop = await fundedShop(await onboardTenant(), '10000');
    const campaign = await createCampaign(shop);
    expect(campaign.secret).toMatch(/^cps_/);
    const completion = `resp-${randomUUID()}`;
    const { raw, signature } = signed(campaign.secret, { completion_id: completion, phone: '0772279099' });

    const first = await postPayout(campaign.id, raw, signature);
    const replay = await postPayout(campaign.id, raw, signature);

    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ completion_id: completion, phone: '263772279099', amount: '2.00', status: 'success' });
    expect(replay.body.data).toMatchObject({ id: first.body.data.id, order_id: first.body.data.order_id });
    expect(await balanceOf(shop.key)).toBe('9800');
    const order = await http('GET', `/api/v1/orders/${first.body.data.agent_reference}`, { apiKey: shop.key });
    expect(order.body).toMatchObject({ id: first.body.data.order_id, status: 'success', amount: '2.00' });
    expect(await campaignOf(shop, campaign.id)).toMatchObject({ spent: '2.00', remaining: '8.00', payout_counts: { success: 1 } });
    const listed = await http('GET', `/api/v1/campaigns/${campaign.id}/payouts`, { apiKey: shop.key });
    expect(listed.body.data.payouts.map((p: { id: string }) => p.id)).toEqual([first.body.data.id]);
  });

  it('refuses a bad, missing or foreign signature and an unknown campaign with the same 401, the wallet unchanged', async () => {
    const shop = await fundedShop(await onboardTenant(), '10000');
    const campaign = await createCampaign(shop);
    const { raw, signature } = signed(campaign.secret, { completion_id: 'x', phone: '0772279099' });
    const tampered = raw.replace('"x"', '"y"');
    const answers = await Promise.all([
      postPayout(campaign.id, raw),
      postPayout(campaign.id, raw, 'sha256=' + 'a'.repeat(64)),
      postPayout(campaign.id, tampered, signature),
      postPayout(campaign.id, raw, signed('cps_not-the-secret', {}).signature),
      postPayout(randomUUID(), raw, signature),
      postPayout('not-a-campaign', raw, signature),
    ]);
    for (const answer of answers) expect([answer.status, answer.body.code]).toEqual([401, 'INVALID_SIGNATURE']);
    expect(new Set(answers.map((a) => a.body.message)).size).toBe(1);
    expect(await balanceOf(shop.key)).toBe('10000');
    expect((await campaignOf(shop, campaign.id)).payout_counts).toEqual({});
  });

  it('refuses a timestamp more than five minutes old, over budget (422), one phone twice (422) and a paused campaign (409)', async () => {
    const shop = await fundedShop(await onboardTenant(), '10000');
    const campaign = await createCampaign(shop, { budget: 4 });

    const stale = await payout(campaign, { completion_id: 'old', phone: phone(1), timestamp: Math.floor(Date.now() / 1000) - 360 });
    expect([stale.status, stale.body.code]).toEqual([401, 'SIGNATURE_EXPIRED']);

    expect((await payout(campaign, { completion_id: 'a', phone: phone(1) })).body.data.status).toBe('success');
    const again = await payout(campaign, { completion_id: 'b', phone: phone(1) });
    expect([again.status, again.body.code]).toEqual([422, 'PHONE_ALREADY_PAID']);
    expect((await payout(campaign, { completion_id: 'c', phone: phone(2) })).status).toBe(200);
    const over = await payout(campaign, { completion_id: 'd', phone: phone(3) });
    expect([over.status, over.body.code]).toEqual([422, 'CAMPAIGN_BUDGET_EXCEEDED']);

    const other = await createCampaign(shop);
    expect((await http('POST', `/api/v1/campaigns/${other.id}/pause`, { apiKey: shop.key })).body.data.status).toBe('paused');
    const paused = await payout(other, { completion_id: 'e', phone: phone(4) });
    expect([paused.status, paused.body.code]).toEqual([409, 'CAMPAIGN_PAUSED']);
    expect((await http('POST', `/api/v1/campaigns/${other.id}/resume`, { apiKey: shop.key })).body.data.status).toBe('active');
    expect((await payout(other, { completion_id: 'e', phone: phone(4) })).status).toBe(200);
    expect(await balanceOf(shop.key)).toBe('9400');
  });

  it('releases the budget of a payout the upstream rejected (refunded)', async () => {
    const shop = await fundedShop(await onboardTenant(), '10000');
    const campaign = await createCampaign(shop, { budget: 2 });
    const failed = await payout(campaign, { completion_id: 'f', phone: '0772220001' });
    expect(['failed', 'refunded']).toContain(failed.body.data.status);
    const deadline = Date.now() + 20_000;
    while ((await campaignOf(shop, campaign.id)).remaining !== '2.00' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect((await payout(campaign, { completion_id: 'g', phone: phone(5) })).body.data.status).toBe('success');
    expect(await balanceOf(shop.key)).toBe('9800');
  });

  it('makes one payout of ten concurrent duplicates, and never spends past the budget under ten concurrent completions', async () => {
    const shop = await fundedShop(await onboardTenant(), '10000');
    const campaign = await createCampaign(shop, { budget: 10 });
    const { raw, signature } = signed(campaign.secret, { completion_id: 'dup', phone: phone(20) });
    const duplicates = await Promise.all(Array.from({ length: 10 }, () => postPayout(campaign.id, raw, signature)));
    expect(duplicates.map((d) => d.status)).toEqual(Array(10).fill(200));
    expect(new Set(duplicates.map((d) => d.body.data.id)).size).toBe(1);

    const distinct = await Promise.all(Array.from({ length: 10 }, (_, i) => payout(campaign, { completion_id: `p-${i}`, phone: phone(30 + i) })));
    expect(distinct.filter((d) => d.status === 200)).toHaveLength(4);
    expect(distinct.filter((d) => d.status === 422).map((d) => d.body.code)).toEqual(Array(6).fill('CAMPAIGN_BUDGET_EXCEEDED'));
    expect(await campaignOf(shop, campaign.id)).toMatchObject({ spent: '10.00', remaining: '0.00', payout_counts: { success: 5 } });
    expect(await balanceOf(shop.key)).toBe('9000');
  }, 60_000);

  it("scopes campaigns to the key's mode: a test key's campaign pays test orders and is not seen live", async () => {
    const tenant = await onboardTenant();
    const live = await fundedShop(tenant, '10000');
    const { key: testKey } = await createApiKey(tenant, 'sandbox', 'test');
    await fundWallet(tenant.accountId, '10000', 'USD', 'test');
    const campaign = await createCampaign({ tenant, key: testKey });
    expect((await http('GET', `/api/v1/campaigns/${campaign.id}`, { apiKey: live.key })).status).toBe(404);
    const paid = await payout(campaign, { completion_id: 't', phone: '0772279099' });
    expect(paid.status).toBe(200);
    const order = await http('GET', `/api/v1/orders/${paid.body.data.agent_reference}`, { apiKey: testKey });
    expect(order.body.mode).toBe('test');
    expect(await balanceOf(live.key)).toBe('10000');
    expect(await balanceOf(testKey)).toBe('9800');
  });

  it('a dashboard creates, pauses, resumes and rotates a campaign over GraphQL and follows each payout to its order', async () => {
    const shop = await fundedShop(await onboardTenant(), '10000');
    const auth = { apiKey: shop.key };
    const created = await graphql(CreateCampaignDocument, { input: { name: 'Dashboard survey', productId: 100, amount: '1.50', budget: '3' } }, auth);
    const campaign = dataOf(created).createCampaign.campaign;
    expect(campaign).toMatchObject({ status: 'active', budget: '3.00' });

    const paused = await graphql(PauseCampaignDocument, { input: { id: campaign.id } }, auth);
    expect(dataOf(paused).pauseCampaign.campaign.status).toBe('paused');
    expect((await payout({ id: campaign.databaseId, secret: dataOf(created).createCampaign.secret }, { completion_id: 'q1', phone: phone(60) })).status).toBe(409);
    expect(dataOf(await graphql(ResumeCampaignDocument, { input: { id: campaign.id } }, auth)).resumeCampaign.campaign.status).toBe('active');
    const rotated = await graphql(RotateCampaignSecretDocument, { input: { id: campaign.id } }, auth);
    const secret = dataOf(rotated).rotateCampaignSecret.secret;
    expect((await payout({ id: campaign.databaseId, secret: dataOf(created).createCampaign.secret }, { completion_id: 'q1', phone: phone(60) })).status).toBe(401);
    const paid = await payout({ id: campaign.databaseId, secret }, { completion_id: 'q1', phone: phone(60) });
    expect(paid.body.data.status).toBe('success');

    const page = await graphql(CampaignsPageDocument, { first: 5 }, auth);
    expect(dataOf(page).viewer.account?.campaigns.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ id: campaign.id, spent: '1.50', remaining: '1.50', payoutCounts: [{ status: 'success', count: 1 }] }),
    ]);
    const payouts = await graphql(CampaignPayoutsDocument, { id: campaign.id }, auth);
    const node = dataOf(payouts).node as { payouts: { edges: { node: { completionId: string; order: { databaseId: string; status: string; amount: string } | null } }[] } };
    expect(node.payouts.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ completionId: 'q1', order: expect.objectContaining({ databaseId: paid.body.data.order_id, status: 'success', amount: '1.50' }) }),
    ]);
    const stranger = await fundedShop(await onboardTenant());
    expect(dataOf(await graphql(CampaignPayoutsDocument, { id: campaign.id }, { apiKey: stranger.key })).node).toBeNull();
  });
});
