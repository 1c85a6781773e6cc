import type { RunningPlatform } from '../support/platform-processes.js';
import { ownPlatform } from '../support/own-platform.js';
import { graphql, http } from '../support/platform-client.js';
import { createApiKey, onboardTenant } from '../support/tenants.js';
import { startReceiver } from '../support/webhook-receiver.js';

// As in production: receivers must be on the public internet (the shared e2e platform allows loopback).
let platform: RunningPlatform;
beforeAll(async () => {
  platform = await ownPlatform({ label: 'targets', env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' } });
}, 90_000);
afterAll(() => platform?.stopAll(), 30_000);

describe('webhook receivers on internal addresses', () => {
  it('are refused at registration with a clear 400, whatever the spelling, and never called', async () => {
    const { key } = await createApiKey(await onboardTenant());
    const receiver = await startReceiver(() => '');
    const port = new URL(receiver.url).port;
    try {
      for (const url of [
        'http://localtest.me/hooks', // a public name for 127.0.0.1 (refused as unresolvable where there is no DNS)
        `http://localhost:${port}/hooks`, // a name that resolves to loopback
        `http://[::ffff:127.0.0.1]:${port}/hooks`,
        `http://[::ffff:7f00:1]:${port}/hooks`,
        'http://169.254.169.254/latest/meta-data/',
        'http://0.0.0.0/hooks',
        'http://100.64.0.1/hooks',
        'http://[fe80::1]/hooks',
        receiver.url,
      ]) {
        const refused = await http('POST', '/api/v1/webhooks', { apiKey: key, body: { url, events: ['order.success'] } });
        expect({ url, status: refused.status, code: refused.body.code }).toEqual({ url, status: 400, code: 'WEBHOOK_URL_REFUSED' });
        expect(refused.body).toMatchObject({ status: 'error', message: expect.any(String), data: { fields: { url: [expect.any(String)] } } });
        // The answer names the rule, never what the name resolved to.
        expect(JSON.stringify(refused.body)).not.toMatch(/127\.0\.0\.1|::1\b/);
      }
      const overGraphql = await graphql(
        `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { webhookEndpoint { id } } }`,
        { input: { url: 'http://169.254.169.254/latest/meta-data/', events: ['order.success'] } },
        { apiKey: key },
      );
      expect(overGraphql.errors?.[0]?.extensions?.['code']).toBe('WEBHOOK_URL_REFUSED');
      expect((await http('GET', '/api/v1/webhooks', { apiKey: key })).body.data).toEqual([]);
      expect(receiver.received).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});
