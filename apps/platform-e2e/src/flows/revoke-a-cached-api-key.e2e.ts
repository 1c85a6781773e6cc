import { ownPlatform } from '../support/own-platform.js';
import type { RunningPlatform } from '../support/platform-processes.js';
import { createApiKey, onboardTenant, type Tenant } from '../support/tenants.js';

/**
 * Gateways remember a verified API key for API_KEY_CACHE_SECONDS (the most allowed here, 300 s, so
 * that only the push can explain a refusal), and a revocation is broadcast to every replica: the key
 * is refused on the very next request, on the replica that revoked it and on the other one.
 */
let platform: RunningPlatform;
let gatewayA: string;
let gatewayB: string;

beforeAll(async () => {
  platform = await ownPlatform({ label: 'revoke', env: { API_KEY_CACHE_SECONDS: '300' } });
  gatewayA = platform.state.gatewayUrl;
  // A second gateway replica on a port of its own, as behind a load balancer.
  gatewayB = await platform.startGatewayReplica(1, 120_000);
}, 240_000);
afterAll(() => platform?.stopAll(), 60_000);

async function call(gateway: string, method: string, path: string, authorization: string) {
  const response = await fetch(`${gateway}${path}`, { method, headers: { authorization } });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}
const account = (gateway: string, key: string) => call(gateway, 'GET', '/api/v1/account', `Api-Key ${key}`);
// Answered by wallet alone: identity is asked only to verify the key.
const wallets = (gateway: string, key: string) => call(gateway, 'GET', '/api/v1/wallet', `Api-Key ${key}`);

describe('a revoked API key is refused at once by every gateway, cached or not', () => {
  let tenant: Tenant;
  let first: { id: string; key: string };
  let second: { id: string; key: string };

  beforeAll(async () => {
    tenant = await onboardTenant();
    first = await createApiKey(tenant, 'first');
    second = await createApiKey(tenant, 'second');
  }, 60_000);

  it('serves a key it verified from memory: with identity stopped, both replicas still accept it', async () => {
    for (const gateway of [gatewayA, gatewayB]) {
      for (const { key } of [first, second]) {
        const used = await account(gateway, key);
        expect(used.status).toBe(200);
        expect(used.body.data.id).toBe(tenant.accountId);
      }
    }
    await platform.stop('identity');
    try {
      for (const gateway of [gatewayA, gatewayB]) {
        expect((await wallets(gateway, first.key)).status).toBe(200);
        expect((await wallets(gateway, second.key)).status).toBe(200);
      }
      // A key no gateway has seen needs identity, which is away: unavailable, not refused.
      const unseen = await wallets(gatewayA, 'atk_live_00000000000000000000000000000000');
      expect(unseen.status).toBe(503);
    } finally {
      platform.start('identity');
      await platform.waitForHealthy(120_000);
    }
  }, 180_000);

  it('refuses a cached key on the very next request, on the replica that revoked it and on the other', async () => {
    const revoked = await call(gatewayA, 'DELETE', `/api/v1/api-keys/${first.id}`, `Bearer ${tenant.token}`);
    expect(revoked.status).toBe(200);
    for (const gateway of [gatewayB, gatewayA]) {
      const refused = await account(gateway, first.key);
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({ status: 'error', code: 'UNAUTHENTICATED', message: 'Invalid or revoked API key' });
    }
    // The other key of the account is untouched.
    expect((await account(gatewayA, second.key)).status).toBe(200);
    expect((await account(gatewayB, second.key)).status).toBe(200);
  }, 30_000);

  it('does the same when the other replica revokes, and through GraphQL', async () => {
    const revoked = await fetch(`${gatewayB}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tenant.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { revokedAt } } }',
        variables: { id: Buffer.from(`ApiKey:${second.id}`).toString('base64url') },
      }),
    }).then((r) => r.json() as Promise<Record<string, any>>);
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data.revokeApiKey.apiKey.revokedAt).not.toBeNull();
    for (const gateway of [gatewayA, gatewayB]) expect((await account(gateway, second.key)).status).toBe(401);
  }, 30_000);

  it('accepts a new key of the account at once on both replicas', async () => {
    const third = await createApiKey(tenant, 'third');
    for (const gateway of [gatewayA, gatewayB]) expect((await account(gateway, third.key)).status).toBe(200);
  }, 30_000);
});
