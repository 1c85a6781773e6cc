import type { RunningPlatform } from '../support/platform-processes.js';
import { ownPlatform } from '../support/own-platform.js';
import { fundWallet } from '../support/operator.js';
import { graphql, http } from '../support/platform-client.js';
import { reference, settledOrder } from '../support/orders.js';
import { asOperator, drain, mtnNumber, orderEventsOf, simBehaviour } from '../support/routing.js';
import { createApiKey, onboardTenant } from '../support/tenants.js';

// Its own platform: the flows open a circuit and drain upstreams, which the shared platform's other
// flows must not meet. Three unknown sends in a row open a circuit, for two minutes.
let platform: RunningPlatform;
beforeAll(async () => {
  platform = await ownPlatform({ label: 'routing', env: { CIRCUIT_FAILURE_THRESHOLD: '3', CIRCUIT_COOLDOWN_SECONDS: '120' } });
}, 120_000);
afterAll(() => platform?.stopAll(), 30_000);

/** Product 310: MTN Nigeria airtime, routed to eStoreSMS first and Africa's Talking second. */
async function shop(mode: 'live' | 'test' = 'live') {
  const tenant = await onboardTenant();
  const { key } = await createApiKey(tenant, 'integration', mode);
  await fundWallet(tenant.accountId, '1000000', 'NGN', mode);
  const balance = async () => (await http('GET', '/api/v1/wallet', { apiKey: key })).body.data.find((w: { currency: string }) => w.currency === 'NGN')?.balance_minor;
  const order = (target: string, amount = 100) => http('POST', '/api/v1/orders', { apiKey: key, body: { product_id: 310, target, amount, agent_reference: reference() } });
  return { tenant, key, balance, order };
}

describe('routing with failover', () => {
  it("delivers through Africa's Talking an order eStoreSMS refused for want of float: debited once, both attempts in its timeline and events", async () => {
    const s = await shop();
    const phone = mtnNumber();
    await simBehaviour('estoresms', phone, 'insufficient-balance');

    const placed = await s.order(phone);
    expect(placed.status).toBe(200);
    const order = await settledOrder(s.key, placed.body.agent_reference);

    expect(order.status).toBe('success');
    expect(order.attempts).toEqual([
      expect.objectContaining({ upstream: 'estoresms', status: 'failed', error_code: 'INSUFFICIENT_UPSTREAM_BALANCE', upstream_code: 'P009' }),
      expect.objectContaining({ upstream: 'africastalking', status: 'success' }),
    ]);
    expect(await s.balance()).toBe(String(1_000_000 - 10_000));
    const debits = await http('GET', `/api/v1/wallet/ledger?kind=debit&order_id=${order.id}`, { apiKey: s.key });
    expect(debits.body.data.entries).toHaveLength(1);
    expect((await http('GET', `/api/v1/wallet/ledger?kind=refund&order_id=${order.id}`, { apiKey: s.key })).body.data.entries).toHaveLength(0);

    const graph = await graphql(`query($id: ID!) { node(id: $id) { ... on Order { status attempts { upstream status errorCode upstreamCode } } } }`,
      { id: Buffer.from(`Order:live:${order.id}`).toString('base64url') }, { apiKey: s.key });
    expect(graph.data?.node.attempts).toEqual([
      { upstream: 'estoresms', status: 'failed', errorCode: 'INSUFFICIENT_UPSTREAM_BALANCE', upstreamCode: 'P009' },
      { upstream: 'africastalking', status: 'success', errorCode: null, upstreamCode: expect.any(String) },
    ]);

    // Africa's Talking answers "Sent" first (unknown to the client) and reports Success by callback.
    const events = await orderEventsOf(s.tenant.accountId, (e) => e.order.status === 'success');
    expect(events.map((e) => e.order.status)).toEqual(['pending', 'unknown', 'success']);
    expect(events.at(-1)?.order).toMatchObject({ id: order.id, status: 'success' });
    expect(events.at(-1)?.order.attempts.map((a) => [a.upstream, a.status])).toEqual([['estoresms', 'failed'], ['africastalking', 'success']]);
  }, 60_000);

  it('never fails over from a timeout: the order stays with eStoreSMS and the reconciler resolves it there', async () => {
    const s = await shop();
    const phone = mtnNumber();
    await simBehaviour('estoresms', phone, 'timeout-then-success');

    const placed = await s.order(phone);
    expect(['unknown', 'pending']).toContain(placed.body.status);
    const order = await settledOrder(s.key, placed.body.agent_reference, 40_000);

    expect(order.status).toBe('success');
    expect(order.attempts).toEqual([expect.objectContaining({ upstream: 'estoresms', status: 'success' })]);
    expect(await s.balance()).toBe(String(1_000_000 - 10_000));
  }, 60_000);

  it("sends nothing to a drained upstream: new orders go to the next one until it is put back", async () => {
    const s = await shop();
    // Only operators route: a tenant's key or logged-in user can neither drain, route nor read the health.
    const drainIt = 'mutation { drainUpstream(input: { upstream: "estoresms", drained: true }) { drains { upstream } } }';
    const routeIt = 'mutation { setRoute(input: { country: "NG", network: "mtn", kind: "airtime", entries: [] }) { route { country } } }';
    for (const auth of [{ apiKey: s.key }, { token: s.tenant.token }]) {
      for (const document of [drainIt, routeIt, '{ upstreams { upstream } }', '{ routes { country } }']) {
        const refused = await graphql(document, {}, auth);
        expect(refused.errors?.[0]?.extensions?.['code']).toMatch(/^(FORBIDDEN|UNAUTHENTICATED)$/);
      }
    }
    const { upstreams: untouched } = await asOperator(`{ upstreams { upstream drained } }`);
    expect(untouched.filter((u: { drained: boolean }) => u.drained)).toEqual([]);
    expect((await asOperator(`{ routes(country: "NG", network: "mtn", kind: "airtime") { entries { upstream } } }`)).routes)
      .toEqual([{ entries: [{ upstream: 'estoresms' }, { upstream: 'africastalking' }] }]);

    await drain('estoresms', true, 'live');
    try {
      const drained = await settledOrder(s.key, (await s.order(mtnNumber())).body.agent_reference);
      expect(drained.status).toBe('success');
      expect(drained.attempts.map((a: { upstream: string }) => a.upstream)).toEqual(['africastalking']);

      const { upstreams } = await asOperator(`{ upstreams { upstream mode drained drain { reason } } }`);
      expect(upstreams).toEqual(expect.arrayContaining([
        { upstream: 'estoresms', mode: 'live', drained: true, drain: { reason: 'e2e' } },
        { upstream: 'estoresms', mode: 'test', drained: false, drain: null },
      ]));
    } finally {
      await drain('estoresms', false, 'live');
    }
    const back = await settledOrder(s.key, (await s.order(mtnNumber())).body.agent_reference);
    expect(back.attempts.map((a: { upstream: string }) => a.upstream)).toEqual(['estoresms']);
  }, 60_000);

  it("sends new orders past an upstream whose circuit is open, without calling it, and shows the circuit to operators", async () => {
    // Test mode: its circuits are its own, so live orders (the other flows here) never meet this one.
    const s = await shop('test');
    for (let i = 0; i < 3; i++) {
      const phone = mtnNumber();
      await simBehaviour('estoresms', phone, 'server-error');
      const failing = await s.order(phone);
      // A 5xx may have delivered: unknown, never failed over.
      expect(failing.body.attempts).toEqual([expect.objectContaining({ upstream: 'estoresms', status: 'unknown' })]);
    }

    const placed = await s.order(mtnNumber());
    const order = await settledOrder(s.key, placed.body.agent_reference);
    expect(order.status).toBe('success');
    expect(order.attempts).toEqual([
      expect.objectContaining({ upstream: 'estoresms', status: 'failed', error_code: 'UPSTREAM_UNAVAILABLE', message: expect.stringContaining('not called') }),
      expect.objectContaining({ upstream: 'africastalking', status: 'success' }),
    ]);

    const { upstreams } = await asOperator(`{ upstreams(windowMinutes: 5) { upstream mode circuit sent unknown float { currency amountMinor } } }`);
    const estoresmsTest = upstreams.find((u: { upstream: string; mode: string }) => u.upstream === 'estoresms' && u.mode === 'test');
    expect(estoresmsTest).toMatchObject({ circuit: 'open' });
    // The open circuit's refusal never reached eStoreSMS: it is not among its sends.
    expect(estoresmsTest.sent).toBe(3);
    expect(estoresmsTest.float).toMatchObject({ currency: 'NGN' });
  }, 90_000);
});
