import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { e2eState } from '../support/e2e-state.js';
import { fundWallet } from '../support/operator.js';
import { fundedShop, placeOrder } from '../support/orders.js';
import { http } from '../support/platform-client.js';
import { createApiKey, onboardTenant } from '../support/tenants.js';

function subscribe(authorization: string) {
  const client: Client = createClient({
    url: `${e2eState().gatewayUrl.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: authorization },
    retryAttempts: 0,
  });
  const seen: { id: string; status: string }[] = [];
  const errors: unknown[] = [];
  let ready!: () => void;
  const started = new Promise<void>((resolve) => (ready = resolve));
  client.on('connected', () => setTimeout(ready, 300));
  client.subscribe<{ orderUpdated: { id: string; status: string } }>(
    { query: 'subscription { orderUpdated { id: databaseId status } }' },
    { next: (r) => r.data && seen.push(r.data.orderUpdated), error: (e) => { errors.push(e); ready(); }, complete: () => undefined },
  );
  return { seen, errors, started, close: () => client.dispose() };
}

describe('GraphQL subscriptions: orderUpdated', () => {
  it('shows each subscriber only its own account\'s orders', async () => {
    const [a, b] = await Promise.all([onboardTenant().then((t) => fundedShop(t)), onboardTenant().then((t) => fundedShop(t))]);
    const subA = subscribe(`Api-Key ${a.key}`);
    const subB = subscribe(`Bearer ${b.tenant.token}`);
    try {
      await Promise.all([subA.started, subB.started]);
      const [orderA, orderB] = await Promise.all([
        placeOrder(a.key, { product_id: 100, target: '0772279099', amount: 1 }),
        placeOrder(b.key, { product_id: 100, target: '0772279099', amount: 2 }),
      ]);
      const deadline = Date.now() + 10_000;
      while ((subA.seen.length < 2 || subB.seen.length < 2) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(subA.seen).toEqual([{ id: orderA.body.id, status: 'pending' }, { id: orderA.body.id, status: 'success' }]);
      expect(subB.seen).toEqual([{ id: orderB.body.id, status: 'pending' }, { id: orderB.body.id, status: 'success' }]);
    } finally {
      await Promise.all([subA.close(), subB.close()]);
    }
  });

  it("streams the subscriber's own wallet balance changes", async () => {
    const [a, b] = await Promise.all([onboardTenant(), onboardTenant()]);
    const client: Client = createClient({
      url: `${e2eState().gatewayUrl.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer ${a.token}` },
      retryAttempts: 0,
    });
    const seen: { balanceMinor: string; amountMinor: string; kind: string }[] = [];
    try {
      await new Promise<void>((resolve) => {
        client.on('connected', () => setTimeout(resolve, 300));
        client.subscribe<{ walletUpdated: { balanceMinor: string; amountMinor: string; kind: string } }>(
          { query: 'subscription { walletUpdated { balanceMinor amountMinor kind } }' },
          { next: (r) => r.data && seen.push(r.data.walletUpdated), error: () => resolve(), complete: () => undefined },
        );
      });
      await fundWallet(b.accountId, '999');
      await fundWallet(a.accountId, '250');
      const deadline = Date.now() + 10_000;
      while (seen.length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 500));
      expect(seen).toEqual([{ balanceMinor: '250', amountMinor: '250', kind: 'adjustment' }]);
    } finally {
      await client.dispose();
    }
  });

  it('refuses a connection without valid credentials', async () => {
    const sub = subscribe('Api-Key atk_live_00000000000000000000000000000000');
    await sub.started;
    expect(sub.errors.length).toBeGreaterThan(0);
    await sub.close();
  });

  /** A connection that is open and subscribed; resolves with the close code once the gateway closes it. */
  async function openConnection(authorization: string) {
    let closed!: (code: number) => void;
    const closedWith = new Promise<number>((resolve) => (closed = resolve));
    const client: Client = createClient({
      url: `${e2eState().gatewayUrl.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: authorization },
      retryAttempts: 0,
      on: { closed: (event) => closed((event as { code: number }).code) },
    });
    await new Promise<void>((resolve) => {
      client.on('connected', () => resolve());
      client.subscribe({ query: 'subscription { orderUpdated { id: databaseId status } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    });
    return { client, closedWith };
  }

  const within = <T>(promise: Promise<T>, ms: number) =>
    Promise.race([promise, new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), ms))]);

  it('closes a connection (4403) once its API key is revoked, and not before', async () => {
    const tenant = await onboardTenant();
    const key = await createApiKey(tenant);
    const { client, closedWith } = await openConnection(`Api-Key ${key.key}`);
    try {
      // The platform re-checks every second (SUBSCRIPTION_RECHECK_SECONDS=1): a live key stays open.
      expect(await within(closedWith, 2500)).toBe('still open');
      expect((await http('DELETE', `/api/v1/api-keys/${key.id}`, { token: tenant.token })).status).toBeLessThan(300);
      expect(await within(closedWith, 5000)).toBe(4403);
    } finally {
      await client.dispose();
    }
  });

  it('closes a connection whose session ended with a PIN reset', async () => {
    const tenant = await onboardTenant();
    const { client, closedWith } = await openConnection(`Bearer ${tenant.token}`);
    try {
      expect((await http('POST', '/auth/pin-reset', { body: { phone: tenant.phone } })).status).toBe(200);
      expect(await within(closedWith, 5000)).toBe(4403);
    } finally {
      await client.dispose();
    }
  });
});
