import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { e2eState } from '../support/e2e-state.js';
import { fundWallet } from '../support/operator.js';
import { fundedShop, placeOrder } from '../support/orders.js';
import { onboardTenant } from '../support/tenants.js';

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
    { query: 'subscription { orderUpdated { id status } }' },
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
});
