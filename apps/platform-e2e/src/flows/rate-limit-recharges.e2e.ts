import { ownPlatform } from '../support/own-platform.js';
import type { RunningPlatform } from '../support/platform-processes.js';
import { fundedShop, reference } from '../support/orders.js';
import { createApiKey, onboardTenant, type Tenant } from '../support/tenants.js';

const LIMIT = 6;
let platform: RunningPlatform;
let gatewayB: string;

beforeAll(async () => {
  platform = await ownPlatform({ label: 'ratelimit', env: { RATE_LIMIT_RECHARGES_PER_MINUTE: String(LIMIT) } });
  // A second gateway replica on a port of its own, as behind a load balancer.
  gatewayB = await platform.startGatewayReplica(1, 60_000);
}, 180_000);
afterAll(() => platform?.stopAll(), 60_000);

async function call(gateway: string, method: string, path: string, auth: string, body?: unknown) {
  const response = await fetch(`${gateway}${path}`, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

const order = () => ({ product_id: 100, target: '0772279099', amount: '1.00', agent_reference: reference() });
const recharge = () => ({ phone: '0772279099', amount: 100, currency: 'USD', reference: reference('rc') });

describe('recharge rate limit: one allowance per account, on every path, across gateway replicas', () => {
  let tenant: Tenant;
  let key: string;
  let sandboxKey: string;

  beforeAll(async () => {
    tenant = await onboardTenant();
    // Funded, so the aliased mutations succeed: a failing one would stop the mutations after it.
    key = `Api-Key ${(await fundedShop(tenant)).key}`;
    sandboxKey = `Api-Key ${(await createApiKey(tenant, 'sandbox', 'test')).key}`;
  }, 60_000);

  it('counts REST orders, 000 recharges, each recharge of a batch and each aliased sendRecharge against one shared limit', async () => {
    const gatewayA = platform.state.gatewayUrl;
    const bearer = `Bearer ${tenant.token}`;

    const first = await call(gatewayA, 'POST', '/api/v1/orders', key, order());
    expect(first.status).not.toBe(429);
    expect(first.headers.get('x-ratelimit-limit')).toBe(String(LIMIT));
    expect(first.headers.get('x-ratelimit-remaining')).toBe(String(LIMIT - 1));
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);

    // The other replica sees the same count.
    const second = await call(gatewayB, 'POST', '/api/v1/orders', key, order());
    expect(second.headers.get('x-ratelimit-remaining')).toBe(String(LIMIT - 2));

    // 000's batch counts each recharge in it, not one per request.
    const batch = await call(gatewayB, 'POST', '/api/v1/recharges/airtime/batch', bearer, { recharges: [recharge(), recharge()] });
    expect(batch.status).toBe(200);
    expect(batch.headers.get('x-ratelimit-remaining')).toBe(String(LIMIT - 4));

    // Each alias of sendRecharge is one more recharge: two fit, the third is refused in GraphQL's own way.
    const aliased = await call(gatewayA, 'POST', '/graphql', key, {
      query: `mutation($a: SendRechargeInput!, $b: SendRechargeInput!, $c: SendRechargeInput!) {
        a: sendRecharge(input: $a) { order { id } } b: sendRecharge(input: $b) { order { id } } c: sendRecharge(input: $c) { order { id } } }`,
      variables: Object.fromEntries(['a', 'b', 'c'].map((alias) => [alias, { productId: 100, target: '0772279099', amount: '1.00', agentReference: reference() }])),
    });
    const errors = aliased.body['errors'] as { path: string[]; extensions: Record<string, unknown> }[];
    const limited = errors.filter((e) => e.extensions['code'] === 'RATE_LIMITED');
    expect(limited.map((e) => e.path[0])).toEqual(['c']);
    expect(limited[0]?.extensions['retryAfterSeconds']).toEqual(expect.any(Number));
    expect(limited[0]?.extensions['retryAfterSeconds']).toBeGreaterThan(0);

    // Every path is now refused, on either replica, with 429, Retry-After and 000's error shape.
    for (const [gateway, path, auth, body] of [
      [gatewayB, '/api/v1/recharges/airtime', bearer, recharge()],
      [gatewayA, '/api/v1/orders', key, order()],
      [gatewayB, '/api/v1/recharges/airtime/batch', bearer, { recharges: [recharge()] }],
    ] as const) {
      const refused = await call(gateway, 'POST', path, auth, body);
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ status: 'error', code: 'RATE_LIMITED', message: `Too many recharges: at most ${LIMIT} a minute` });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    }

    // Sandbox recharges have an allowance of their own: testing cannot starve live traffic, nor the reverse.
    const sandbox = await call(gatewayA, 'POST', '/api/v1/orders', sandboxKey, order());
    expect(sandbox.status).not.toBe(429);
    expect(sandbox.headers.get('x-ratelimit-remaining')).toBe(String(LIMIT - 1));
  });
});
