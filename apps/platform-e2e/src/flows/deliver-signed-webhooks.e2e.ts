import { graphql, http } from '../support/platform-client.js';
import { fundedShop, placeOrder } from '../support/orders.js';
import { onboardTenant } from '../support/tenants.js';
import { startReceiver, verify001 } from '../support/webhook-receiver.js';

describe('signed webhooks (001)', () => {
  it("deliver the order as the API shows it, verifiable with 001's snippet unchanged; a tampered body fails it", async () => {
    const shop = await fundedShop(await onboardTenant());
    let secret = '';
    const receiver = await startReceiver(() => secret);
    try {
      const created = await http('POST', '/api/v1/webhooks', { apiKey: shop.key, body: { url: receiver.url, events: ['order.success', 'order.refunded'] } });
      expect(created.status).toBe(201);
      secret = created.body.data.secret;
      expect(secret).toMatch(/^whsec_/);
      expect(JSON.stringify((await http('GET', '/api/v1/webhooks', { apiKey: shop.key })).body)).not.toContain(secret);

      const order = await placeOrder(shop.key, { product_id: 100, target: '0772279099', amount: 1 });
      const [delivery] = await receiver.waitFor(1);
      expect(delivery?.verified).toBe(true);
      expect(delivery?.body).toMatchObject({ type: 'order.success', data: { id: order.body.id, status: 'success', agent_reference: order.body.agent_reference } });
      expect(delivery?.headers['webhook-id']).toBeTruthy();
      expect(Number(delivery?.headers['webhook-timestamp'])).toBeGreaterThan(Date.now() / 1000 - 60);
      expect(String(delivery?.headers['webhook-signature'])).toMatch(/^v1,/);

      const tampered = Buffer.from((delivery?.raw.toString('utf8') ?? '').replace('"success"', '"failed"'));
      expect(verify001(tampered, delivery?.headers ?? {}, secret)).toBe(false);
      expect(verify001(delivery?.raw ?? Buffer.alloc(0), delivery?.headers ?? {}, 'whsec_wrong')).toBe(false);
    } finally {
      await receiver.close();
    }
  });

  it('retry a failing receiver with the same webhook-id until it answers, recording every attempt', async () => {
    const shop = await fundedShop(await onboardTenant());
    let secret = '';
    const receiver = await startReceiver(() => secret, [500, 500, 200]);
    try {
      const created = await http('POST', '/api/v1/webhooks', { apiKey: shop.key, body: { url: receiver.url, events: ['order.success'] } });
      secret = created.body.data.secret;
      await placeOrder(shop.key, { product_id: 100, target: '0772279099', amount: 1 });
      const received = await receiver.waitFor(3);
      expect(received).toHaveLength(3);
      expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(1);
      expect(received.every((r) => r.verified)).toBe(true);

      const deadline = Date.now() + 5000;
      let deliveries = await http('GET', '/api/v1/webhooks/deliveries', { apiKey: shop.key });
      while (deliveries.body.data[0]?.status !== 'delivered' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        deliveries = await http('GET', '/api/v1/webhooks/deliveries', { apiKey: shop.key });
      }
      expect(deliveries.body.data).toHaveLength(1);
      expect(deliveries.body.data[0]).toMatchObject({ status: 'delivered', event_type: 'order.success' });
      expect(deliveries.body.data[0].attempts.map((a: { status_code: number }) => a.status_code)).toEqual([500, 500, 200]);
    } finally {
      await receiver.close();
    }
  });

  it('sign with the old secret too while a rotation overlaps', async () => {
    const shop = await fundedShop(await onboardTenant());
    let secret = '';
    const receiver = await startReceiver(() => secret);
    try {
      const created = await http('POST', '/api/v1/webhooks', { apiKey: shop.key, body: { url: receiver.url, events: ['order.success'] } });
      const rotated = await http('POST', `/api/v1/webhooks/${created.body.data.id}/rotate-secret`, { apiKey: shop.key, body: { overlap_seconds: 600 } });
      expect(rotated.body.data.secret).not.toBe(created.body.data.secret);
      expect(rotated.body.data.previous_secret_expires_at).toBeTruthy();
      secret = rotated.body.data.secret;
      await placeOrder(shop.key, { product_id: 100, target: '0772279099', amount: 1 });
      const [delivery] = await receiver.waitFor(1);
      expect(delivery?.verified).toBe(true);
      expect(String(delivery?.headers['webhook-signature']).split(' ')).toHaveLength(2);
    } finally {
      await receiver.close();
    }
  });

  it('tell the tenant a top-up was paid', async () => {
    const shop = await fundedShop(await onboardTenant());
    let secret = '';
    const receiver = await startReceiver(() => secret);
    try {
      const created = await http('POST', '/api/v1/webhooks', { apiKey: shop.key, body: { url: receiver.url, events: ['topup.paid'] } });
      secret = created.body.data.secret;
      const topUp = await http('POST', '/api/v1/wallet/topup', { apiKey: shop.key, body: { amount: 6, currency: 'USD' } });
      expect((await fetch(topUp.body.data.redirect_url)).status).toBe(200);
      const [delivery] = await receiver.waitFor(1);
      expect(delivery?.verified).toBe(true);
      expect(delivery?.body).toMatchObject({ type: 'topup.paid', data: { reference: topUp.body.data.reference, status: 'paid', amount_minor: '600' } });
    } finally {
      await receiver.close();
    }
  });

  it('are managed over GraphQL too, and a delivery can be sent again with the same webhook-id', async () => {
    const shop = await fundedShop(await onboardTenant());
    let secret = '';
    const receiver = await startReceiver(() => secret);
    try {
      const created = await graphql(
        `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret webhookEndpoint { id secretPrefix events } } }`,
        { input: { url: receiver.url, events: ['order.success'] } },
        { apiKey: shop.key },
      );
      expect(created.errors).toBeUndefined();
      secret = created.data.createWebhookEndpoint.secret;
      const endpoint = created.data.createWebhookEndpoint.webhookEndpoint;
      expect(endpoint.secretPrefix).toBe(secret.slice(0, 12));
      // The secret is in the mutation's payload only: the endpoint, listed later, has no field for it.
      const listed = await graphql(`{ viewer { account { webhookEndpoints { edges { node { id secretPrefix } } } } } }`, {}, { apiKey: shop.key });
      expect(listed.data.viewer.account.webhookEndpoints.edges).toEqual([{ node: { id: endpoint.id, secretPrefix: endpoint.secretPrefix } }]);

      await placeOrder(shop.key, { product_id: 100, target: '0772279099', amount: 1 });
      await receiver.waitFor(1);
      const deadline = Date.now() + 5000;
      const DELIVERIES = `query($id: ID!) { node(id: $id) { ... on WebhookEndpoint { deliveries { edges { node { id status attempts { statusCode } endpoint { id } } } } } } }`;
      const deliveriesOf = async () => (await graphql(DELIVERIES, { id: endpoint.id }, { apiKey: shop.key })).data.node.deliveries.edges.map((e: { node: unknown }) => e.node);
      let deliveries = await deliveriesOf();
      while (deliveries[0]?.status !== 'delivered' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        deliveries = await deliveriesOf();
      }
      const [delivery] = deliveries;
      expect(delivery.endpoint).toEqual({ id: endpoint.id });
      const refetched = await graphql(`query($id: ID!) { node(id: $id) { ... on WebhookDelivery { id status } } }`, { id: delivery.id }, { apiKey: shop.key });
      expect(refetched.data.node).toEqual({ id: delivery.id, status: 'delivered' });
      const resent = await graphql(`mutation($id: ID!) { resendWebhookDeliveries(input: { deliveryId: $id }) { requeued } }`, { id: delivery.id }, { apiKey: shop.key });
      expect(resent.data.resendWebhookDeliveries.requeued).toBe(1);
      const received = await receiver.waitFor(2);
      expect(received).toHaveLength(2);
      expect(received[1]?.headers['webhook-id']).toBe(received[0]?.headers['webhook-id']);
      expect(received[1]?.verified).toBe(true);
    } finally {
      await receiver.close();
    }
  });

  it('refuse bad endpoint input and keep each tenant to its own endpoints', async () => {
    const [a, b] = await Promise.all([onboardTenant().then((t) => fundedShop(t)), onboardTenant().then((t) => fundedShop(t))]);
    const bad = await http('POST', '/api/v1/webhooks', { apiKey: a.key, body: { url: 'not a url', events: ['order.stolen'] } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.data.fields).sort()).toEqual(['events', 'url']);
    const mine = await http('POST', '/api/v1/webhooks', { apiKey: a.key, body: { url: 'https://hooks.example.com/a', events: ['order.failed'] } });
    expect((await http('GET', '/api/v1/webhooks', { apiKey: b.key })).body.data).toEqual([]);
    expect((await http('DELETE', `/api/v1/webhooks/${mine.body.data.id}`, { apiKey: b.key })).status).toBe(404);
  });
});
