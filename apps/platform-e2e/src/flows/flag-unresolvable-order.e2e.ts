import type { RunningPlatform } from '../support/platform-processes.js';
import { ownPlatform } from '../support/own-platform.js';
import { fundWallet, operatorToken } from '../support/operator.js';
import { graphql, http } from '../support/platform-client.js';
import { reference } from '../support/orders.js';
import { createApiKey, onboardTenant } from '../support/tenants.js';

let platform: RunningPlatform;
beforeAll(async () => {
  platform = await ownPlatform({ label: 'attention', env: { RECONCILE_ATTENTION_AFTER_SECONDS: '3' } });
}, 90_000);
afterAll(() => platform?.stopAll(), 30_000);

describe('an order the reconciler cannot resolve', () => {
  it('is flagged for an operator after the configured time, and never refunded blindly', async () => {
    const tenant = await onboardTenant();
    const { key } = await createApiKey(tenant);
    await fundWallet(tenant.accountId, '100000', 'SDG');
    // Tuti answers too late to give a transaction id, and offers no reference of ours to look it up by.
    const placed = await http('POST', '/api/v1/orders', { apiKey: key, body: { product_id: 401, target: '0925340003', amount: 100, agent_reference: reference() } });
    expect(['unknown', 'pending']).toContain(placed.body.status);

    const operator = await operatorToken();
    const deadline = Date.now() + 20_000;
    let flagged: { databaseId: string; status: string; needsAttention: boolean }[] = [];
    while (!flagged.some((o) => o.databaseId === placed.body.id) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      const page = await graphql(`{ ordersNeedingAttention(first: 100) { edges { node { databaseId status needsAttention } } } }`, {}, { token: operator });
      flagged = page.data.ordersNeedingAttention.edges.map((e: { node: { databaseId: string; status: string; needsAttention: boolean } }) => e.node);
    }
    expect(flagged.find((o) => o.databaseId === placed.body.id)).toEqual({ databaseId: placed.body.id, status: 'unknown', needsAttention: true });

    const order = await http('GET', `/api/v1/orders/${placed.body.agent_reference}`, { apiKey: key });
    expect(order.body).toMatchObject({ status: 'unknown', needs_attention: true });
    expect((await http('GET', '/api/v1/wallet', { apiKey: key })).body.data[0].balance_minor).toBe('90000');
  }, 60_000);
});
