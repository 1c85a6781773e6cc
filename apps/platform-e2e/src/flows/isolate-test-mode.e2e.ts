import { randomInt } from 'node:crypto';
import { e2eState } from '../support/e2e-state.js';
import { fundWallet } from '../support/operator.js';
import { fundedShop, placeOrder } from '../support/orders.js';
import { globalId, graphql, http } from '../support/platform-client.js';
import { createApiKey, onboardTenant, type Tenant, waitForSms } from '../support/tenants.js';
import { startReceiver } from '../support/webhook-receiver.js';

interface InboxSms {
  to: string;
  message: string;
  channel: 'live' | 'sandbox';
}

async function inbox(phone: string): Promise<InboxSms[]> {
  return (await (await fetch(`${e2eState().simUrl}/sim/sms?to=${encodeURIComponent(phone)}`)).json()) as InboxSms[];
}

/** A tenant with a funded live key and a funded test key: the two worlds side by side. */
async function twoWorlds(): Promise<{ tenant: Tenant; live: string; test: string }> {
  const shop = await fundedShop(await onboardTenant());
  const { key: test } = await createApiKey(shop.tenant, 'sandbox', 'test');
  await fundWallet(shop.tenant.accountId, '10000', 'USD', 'test');
  return { tenant: shop.tenant, live: shop.key, test };
}

async function deliveriesOf(auth: { apiKey?: string; token?: string }, query = '', wantAtLeast = 1) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const listed = await http('GET', `/api/v1/webhooks/deliveries${query}`, auth);
    if (listed.body.data.length >= wantAtLeast || Date.now() > deadline) return listed.body.data as { id: string; event_type: string; mode: string; status: string }[];
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('test mode is a world of its own', () => {
  it("a test key neither sees nor manages live webhook endpoints, and each endpoint gets only its own mode's events", async () => {
    const { tenant, live, test } = await twoWorlds();
    const liveReceiver = await startReceiver(() => '');
    const testReceiver = await startReceiver(() => '');
    try {
      const liveEndpoint = await http('POST', '/api/v1/webhooks', { apiKey: live, body: { url: liveReceiver.url, events: ['order.success'] } });
      expect(liveEndpoint.status).toBe(201);
      expect(liveEndpoint.body.data.mode).toBe('live');
      // A test key asking for live gets its own mode: the key decides, not the body.
      const testEndpoint = await http('POST', '/api/v1/webhooks', { apiKey: test, body: { url: testReceiver.url, events: ['order.success'], mode: 'live' } });
      expect(testEndpoint.status).toBe(201);
      expect(testEndpoint.body.data.mode).toBe('test');

      // The attack: a test key lists, rotates and deletes the live endpoint. Refused as if it did not exist.
      const seen = await http('GET', '/api/v1/webhooks?mode=live', { apiKey: test });
      expect(seen.body.data.map((e: { id: string }) => e.id)).toEqual([testEndpoint.body.data.id]);
      const rotated = await http('POST', `/api/v1/webhooks/${liveEndpoint.body.data.id}/rotate-secret`, { apiKey: test, body: {} });
      expect(rotated.status).toBe(404);
      expect(rotated.body).toMatchObject({ status: 'error', code: 'WEBHOOK_NOT_FOUND' });
      expect((await http('DELETE', `/api/v1/webhooks/${liveEndpoint.body.data.id}?mode=live`, { apiKey: test })).status).toBe(404);
      // In the graph, a test key asking for live is refused outright, and its own list holds only test.
      const askedLive = await graphql(`{ viewer { account { webhookEndpoints(mode: live) { edges { node { id } } } } } }`, {}, { apiKey: test });
      expect(askedLive.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      const overGraphql = await graphql(`{ viewer { account { webhookEndpoints { edges { node { databaseId mode } } } } } }`, {}, { apiKey: test });
      expect(overGraphql.data.viewer.account.webhookEndpoints.edges).toEqual([{ node: { databaseId: testEndpoint.body.data.id, mode: 'test' } }]);
      const liveEndpointId = globalId('WebhookEndpoint', 'live', liveEndpoint.body.data.id);
      const deletedOverGraphql = await graphql(`mutation($id: ID!) { deleteWebhookEndpoint(input: { id: $id }) { webhookEndpoint { id } } }`, { id: liveEndpointId }, { apiKey: test });
      expect(deletedOverGraphql.errors?.[0]?.extensions?.['code']).toBe('WEBHOOK_NOT_FOUND');
      expect((await graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: liveEndpointId }, { apiKey: test })).data).toEqual({ node: null });
      // The same id under another mode names nothing either: the mode in an id is checked, not trusted.
      const forged = globalId('WebhookEndpoint', 'test', liveEndpoint.body.data.id);
      expect((await graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: forged }, { apiKey: test })).data).toEqual({ node: null });
      // The live key does not see the test endpoint either.
      expect((await http('GET', '/api/v1/webhooks', { apiKey: live })).body.data.map((e: { id: string }) => e.id)).toEqual([liveEndpoint.body.data.id]);

      // A live order (with a voucher-like payload) goes only to the live endpoint; a test order only to the test one.
      const liveOrder = await placeOrder(live, { product_id: 100, target: '0772279099', amount: 1 });
      const testOrder = await placeOrder(test, { product_id: 100, target: '0772279099', amount: 1 });
      expect([liveOrder.body.status, testOrder.body.status]).toEqual(['success', 'success']);
      const [liveDelivery] = await liveReceiver.waitFor(1);
      const [testDelivery] = await testReceiver.waitFor(1);
      await new Promise((r) => setTimeout(r, 1000));
      expect(liveReceiver.received.map((r) => r.body.data['id'])).toEqual([liveOrder.body.id]);
      expect(testReceiver.received.map((r) => r.body.data['id'])).toEqual([testOrder.body.id]);
      expect(liveDelivery?.body.data['mode']).toBe('live');
      expect(testDelivery?.body.data['mode']).toBe('test');

      // Deliveries are listed per mode; a test key cannot re-send a live delivery.
      const testDeliveries = await deliveriesOf({ apiKey: test });
      expect(testDeliveries.map((d) => d.mode)).toEqual(['test']);
      const liveDeliveries = await deliveriesOf({ apiKey: live });
      expect(liveDeliveries.map((d) => d.mode)).toEqual(['live']);
      const resent = await http('POST', '/api/v1/webhooks/deliveries/resend', { apiKey: test, body: { delivery_id: liveDeliveries[0]?.id, mode: 'live' } });
      expect(resent.status).toBe(404);
      const resentOverGraphql = await graphql(`mutation($id: ID!) { resendWebhookDeliveries(input: { deliveryId: $id }) { requeued } }`, { id: globalId('WebhookDelivery', 'live', liveDeliveries[0]!.id) }, { apiKey: test });
      expect(resentOverGraphql.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
      const testListed = await graphql(`{ viewer { account { webhookDeliveries { edges { node { mode } } } } } }`, {}, { apiKey: test });
      expect(testListed.data.viewer.account.webhookDeliveries.edges).toEqual([{ node: { mode: 'test' } }]);

      // A logged-in user chooses the mode (live by default), as before.
      expect((await http('GET', '/api/v1/webhooks', { token: tenant.token })).body.data.map((e: { id: string }) => e.id)).toEqual([liveEndpoint.body.data.id]);
      expect((await http('GET', '/api/v1/webhooks?mode=test', { token: tenant.token })).body.data.map((e: { id: string }) => e.id)).toEqual([testEndpoint.body.data.id]);
      expect((await deliveriesOf({ token: tenant.token }, '?mode=test')).map((d) => d.mode)).toEqual(['test']);
      const badMode = await http('GET', '/api/v1/webhooks?mode=staging', { token: tenant.token });
      expect(badMode.status).toBe(400);
      expect(badMode.body.code).toBe('VALIDATION_FAILED');
    } finally {
      await liveReceiver.close();
      await testReceiver.close();
    }
  });

  it("a test key cannot read the account's live top-ups or orders, over REST or GraphQL", async () => {
    const { live, test } = await twoWorlds();
    const liveTopUp = await http('POST', '/api/v1/wallet/topup', { apiKey: live, body: { amount: 3, currency: 'USD' } });
    expect(liveTopUp.status).toBe(201);
    const reference = liveTopUp.body.data.reference as string;
    expect((await http('GET', `/api/v1/wallet/topup/${reference}`, { apiKey: live })).body.data.mode).toBe('live');

    const refused = await http('GET', `/api/v1/wallet/topup/${reference}?mode=live`, { apiKey: test });
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ status: 'error', code: 'TOPUP_NOT_FOUND' });
    const overGraphql = await graphql(`query($r: String!) { viewer { account { topUp(reference: $r) { reference } } } }`, { r: reference }, { apiKey: test });
    expect(overGraphql.errors).toBeUndefined();
    expect(overGraphql.data.viewer.account.topUp).toBeNull();
    expect((await graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: globalId('TopUp', 'live', reference) }, { apiKey: test })).data).toEqual({ node: null });
    const asLive = await graphql(`query($r: String!) { viewer { account { topUp(reference: $r) { id mode } topUps { edges { node { reference } } } } } }`, { r: reference }, { apiKey: live });
    expect(asLive.data.viewer.account.topUp.mode).toBe('live');
    expect(asLive.data.viewer.account.topUps.edges).toContainEqual({ node: { reference } });
    const testTopUps = await graphql(`{ viewer { account { topUps { edges { node { reference } } } } } }`, {}, { apiKey: test });
    expect(testTopUps.errors).toBeUndefined();
    expect(JSON.stringify(testTopUps.data)).not.toContain(reference);

    const liveOrder = await placeOrder(live, { product_id: 100, target: '0772279099', amount: 1 });
    expect((await http('GET', `/api/v1/orders/${liveOrder.body.agent_reference}`, { apiKey: test })).status).toBe(404);
    const orders = await graphql(`{ viewer { account { orders(target: "263772279099") { edges { node { agentReference } } } } } }`, {}, { apiKey: test });
    expect(orders.errors).toBeUndefined();
    expect(JSON.stringify(orders.data)).not.toContain(liveOrder.body.agent_reference);
    expect((await graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: globalId('Order', 'live', liveOrder.body.id) }, { apiKey: test })).data).toEqual({ node: null });
    expect((await graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: globalId('Order', 'test', liveOrder.body.id) }, { apiKey: test })).data).toEqual({ node: null });
    const ownNode = await graphql(`query($id: ID!) { node(id: $id) { ... on Order { agentReference } } }`, { id: globalId('Order', 'live', liveOrder.body.id) }, { apiKey: live });
    expect(ownNode.data.node).toEqual({ agentReference: liveOrder.body.agent_reference });
    const ledger = await http('GET', '/api/v1/wallet/ledger?mode=live', { apiKey: test });
    expect(JSON.stringify(ledger.body.data)).not.toContain(liveOrder.body.id);
  });

  it("a test order's custom_sms goes to the SMS sandbox, never through the live SMS provider", async () => {
    const { live, test } = await twoWorlds();
    const testPhone = `0772${String(randomInt(100_000, 999_999))}`;
    const testOrder = await placeOrder(test, { product_id: 100, target: testPhone, amount: 1, custom_sms: 'Click http://phish.example to claim your prize' });
    expect(testOrder.body.status).toBe('success');
    const [sms] = await waitForSms(testPhone, 1);
    expect(sms?.message).toBe('Click http://phish.example to claim your prize');
    await new Promise((r) => setTimeout(r, 1000));
    expect((await inbox(testPhone)).map((m) => m.channel)).toEqual(['sandbox']);

    // The same through a live key is a real SMS: the observation above can tell the two apart.
    const livePhone = `0772${String(randomInt(100_000, 999_999))}`;
    await placeOrder(live, { product_id: 100, target: livePhone, amount: 1, custom_sms: 'Your allowance from ACME' });
    await waitForSms(livePhone, 1);
    expect((await inbox(livePhone)).map((m) => m.channel)).toEqual(['live']);
  });
});
