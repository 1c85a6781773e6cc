import { createApiKey, onboardTenant } from '../support/tenants.js';
import { fundedShop, placeOrder } from '../support/orders.js';
import { graphql, http } from '../support/platform-client.js';
import { startReceiver } from '../support/webhook-receiver.js';

describe('webhook endpoints', () => {
  it('are capped per account and mode (WEBHOOK_MAX_ENDPOINTS_PER_ACCOUNT, 10) with a clear error', async () => {
    const tenant = await onboardTenant();
    const { key } = await createApiKey(tenant);
    const create = (apiKey: string, n: number) => http('POST', '/api/v1/webhooks', { apiKey, body: { url: `https://hooks.example.com/${n}`, events: ['order.success'] } });
    // Concurrently, as an attacker would: the cap must hold under a burst.
    const burst = await Promise.all(Array.from({ length: 14 }, (_, n) => create(key, n)));
    expect(burst.filter((r) => r.status === 201)).toHaveLength(10);
    const refused = burst.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(4);
    for (const r of refused) {
      expect(r.status).toBe(409);
      expect(r.body).toMatchObject({ status: 'error', code: 'WEBHOOK_ENDPOINT_LIMIT', message: expect.stringContaining('at most 10') });
    }
    expect((await http('GET', '/api/v1/webhooks', { apiKey: key })).body.data).toHaveLength(10);
    const overGraphql = await graphql(
      `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { webhookEndpoint { id } } }`,
      { input: { url: 'https://hooks.example.com/graphql', events: ['order.success'] } },
      { apiKey: key },
    );
    expect(overGraphql.errors?.[0]?.extensions?.['code']).toBe('WEBHOOK_ENDPOINT_LIMIT');

    // The test mode has its own ten; deleting one makes room again.
    const { key: testKey } = await createApiKey(tenant, 'sandbox', 'test');
    expect((await create(testKey, 99)).status).toBe(201);
    const first = burst.find((r) => r.status === 201)?.body.data.id as string;
    expect((await http('DELETE', `/api/v1/webhooks/${first}`, { apiKey: key })).status).toBe(200);
    expect((await create(key, 100)).status).toBe(201);
  });

  it('once deleted, are not called again: pending retries are cancelled and cannot be re-sent', async () => {
    const shop = await fundedShop(await onboardTenant());
    const receiver = await startReceiver(() => '', Array.from({ length: 100 }, () => 500));
    try {
      const created = await http('POST', '/api/v1/webhooks', { apiKey: shop.key, body: { url: receiver.url, events: ['order.success'] } });
      await placeOrder(shop.key, { product_id: 100, target: '0772279099', amount: 1 });
      await receiver.waitFor(2);
      expect((await http('DELETE', `/api/v1/webhooks/${created.body.data.id}`, { apiKey: shop.key })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 500));
      const calls = receiver.received.length;
      // Backoff in e2e is at most a second: a retry would have come by now.
      await new Promise((r) => setTimeout(r, 3000));
      expect(receiver.received.length).toBe(calls);

      const [delivery] = (await http('GET', '/api/v1/webhooks/deliveries', { apiKey: shop.key })).body.data;
      expect(delivery).toMatchObject({ endpoint_id: created.body.data.id, status: 'cancelled', next_attempt_at: null });
      const resent = await http('POST', '/api/v1/webhooks/deliveries/resend', { apiKey: shop.key, body: { delivery_id: delivery.id } });
      expect(resent.status).toBe(404);
      await new Promise((r) => setTimeout(r, 1500));
      expect(receiver.received.length).toBe(calls);
    } finally {
      await receiver.close();
    }
  });
});
