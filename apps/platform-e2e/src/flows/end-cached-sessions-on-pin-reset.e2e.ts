import { ownPlatform } from '../support/own-platform.js';
import type { RunningPlatform } from '../support/platform-processes.js';
import { latestPin, onboardTenant, type Tenant } from '../support/tenants.js';

/**
 * Gateways remember that a session stands for SESSION_CACHE_SECONDS (the most allowed here, 300 s, so
 * that only the push can explain a refusal), and identity broadcasts a PIN reset: the earlier token is
 * refused on the very next request by both replicas.
 */
let platform: RunningPlatform;
let gatewayA: string;
let gatewayB: string;

beforeAll(async () => {
  platform = await ownPlatform({ label: 'sessions', env: { SESSION_CACHE_SECONDS: '300' } });
  gatewayA = platform.state.gatewayUrl;
  gatewayB = await platform.startGatewayReplica(1, 120_000);
}, 240_000);
afterAll(() => platform?.stopAll(), 60_000);

async function call(gateway: string, method: string, path: string, headers: Record<string, string> = {}, body?: unknown) {
  const response = await fetch(`${gateway}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}
// Answered by wallet alone: identity is asked only to confirm the session.
const wallets = (gateway: string, token: string) => call(gateway, 'GET', '/api/v1/wallet', { authorization: `Bearer ${token}` });

describe('a PIN reset ends cached sessions at once on every gateway', () => {
  let tenant: Tenant;
  beforeAll(async () => {
    tenant = await onboardTenant();
  }, 60_000);

  it('serves a confirmed session from memory: with identity stopped, both replicas still accept the token', async () => {
    for (const gateway of [gatewayA, gatewayB]) expect((await wallets(gateway, tenant.token)).status).toBe(200);
    await platform.stop('identity');
    try {
      for (const gateway of [gatewayA, gatewayB]) expect((await wallets(gateway, tenant.token)).status).toBe(200);
    } finally {
      platform.start('identity');
      await platform.waitForHealthy(120_000);
    }
  }, 180_000);

  it('refuses the earlier token on the very next request after a PIN reset, on both replicas, and accepts the new one', async () => {
    expect((await call(gatewayA, 'POST', '/auth/pin-reset', {}, { phone: tenant.phone })).status).toBe(200);
    for (const gateway of [gatewayB, gatewayA]) {
      const stale = await wallets(gateway, tenant.token);
      expect(stale.status).toBe(401);
      expect(stale.body).toMatchObject({ status: 'error', code: 'UNAUTHENTICATED' });
    }
    const login = await call(gatewayB, 'POST', '/auth/pin-authentication', {}, { phone: tenant.phone, pin: await latestPin(tenant.phone, 2) });
    expect(login.status).toBe(200);
    for (const gateway of [gatewayA, gatewayB]) expect((await wallets(gateway, login.body.data.token)).status).toBe(200);
  }, 60_000);
});
