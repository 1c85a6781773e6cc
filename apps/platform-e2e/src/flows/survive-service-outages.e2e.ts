import type { RunningPlatform } from '../support/platform-processes.js';
import { ownPlatform } from '../support/own-platform.js';
import { fundWallet } from '../support/operator.js';
import { Rpc } from '@airtime/contracts';
import { createRpcClient } from '@airtime/platform';
import { http, type HttpResult } from '../support/platform-client.js';
import { reference, settledOrder } from '../support/orders.js';
import { onPlatform } from '../support/platform-rpc.js';
import { createApiKey, onboardTenant } from '../support/tenants.js';
import { startReceiver } from '../support/webhook-receiver.js';
import net from 'node:net';

let platform: RunningPlatform;
beforeAll(async () => {
  // Two replicas of orders and of provider-adapters: claims and dispatches are shared all the time.
  platform = await ownPlatform({ label: 'faults', replicas: { orders: 2, 'provider-adapters': 2 } });
}, 120_000);
afterAll(() => platform?.stopAll(), 60_000);

async function shop(usdMinor: string) {
  const tenant = await onboardTenant();
  const { key } = await createApiKey(tenant);
  await fundWallet(tenant.accountId, usdMinor);
  return key;
}

/** The wallet's balance equals the sum of its ledger entries, and each order was debited once, refunded at most once. */
async function expectLedgerConsistent(key: string) {
  const wallets = await http('GET', '/api/v1/wallet', { apiKey: key });
  const entries: { kind: string; amount_minor: string; order_id: string | null }[] = [];
  let cursor: string | null = null;
  do {
    const page: HttpResult = await http('GET', `/api/v1/wallet/ledger?limit=500${cursor ? `&cursor=${cursor}` : ''}`, { apiKey: key });
    entries.push(...page.body.data.entries);
    cursor = page.body.data.next_cursor;
  } while (cursor);
  const sum = entries.reduce((total, e) => total + BigInt(e.amount_minor), 0n);
  expect(String(sum)).toBe(wallets.body.data[0].balance_minor);
  const perOrder = new Map<string, string[]>();
  for (const e of entries) if (e.order_id) perOrder.set(e.order_id, [...(perOrder.get(e.order_id) ?? []), e.kind]);
  for (const kinds of perOrder.values()) {
    expect(kinds.filter((k) => k === 'debit')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'refund').length).toBeLessThanOrEqual(1);
  }
  return { balance: wallets.body.data[0].balance_minor as string, perOrder };
}

describe('replicas', () => {
  it('share dispatches over NATS: each answered once, by one of two provider-adapters replicas', async () => {
    const { subjectPrefix, simUrl } = platform.state;
    const rpc = createRpcClient(process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222', 'e2e-replicas', 15_000);
    const health = onPlatform(Rpc.health('provider-adapters'), subjectPrefix);
    const dispatch = onPlatform(Rpc.providerAdapters.dispatch, subjectPrefix);
    try {
      const instances = new Set<string>();
      for (let i = 0; i < 20; i++) {
        instances.add((await rpc.request(health, {})).instance);
      }
      expect(instances.size).toBe(2);

      const references = Array.from({ length: 10 }, (_, i) => `replica${Date.now()}x${i}`);
      const outcomes = await Promise.all(references.map((reference) =>
        rpc.request(dispatch, {
          reference, upstream: 'omega', mode: 'live', kind: 'airtime', country: 'ZW', network: 'econet', target: '263772279099', currency: 'USD', amount_minor: '100',
        }),
      ));
      expect(outcomes.map((o) => o.status)).toEqual(references.map(() => 'success'));
      for (const reference of references) {
        const received = (await (await fetch(`${simUrl}/omega/sim/recharges?reference=${reference}`)).json()) as unknown[];
        expect(received).toHaveLength(1);
      }
    } finally {
      await rpc.close();
    }
  });
});

describe('orders through service outages', () => {
  it('converge when provider-adapters is down while orders are in flight, then comes back', async () => {
    const key = await shop('10000');
    await Promise.all([platform.stop('provider-adapters', 0), platform.stop('provider-adapters', 1)]);
    const targets = ['0772279099', '0772220001', '0772220003', '0772220004', '0772271111'];
    const placed = await Promise.all(
      targets.map((target) => http('POST', '/api/v1/orders', { apiKey: key, body: { product_id: 100, target, amount: 1, agent_reference: reference() } })),
    );
    for (const order of placed) expect(['unknown', 'pending']).toContain(order.body.status);

    platform.start('provider-adapters', {}, 0);
    platform.start('provider-adapters', {}, 1);
    const settled = await Promise.all(placed.map((p) => settledOrder(key, p.body.agent_reference, 45_000)));
    expect(settled.map((o) => o.status)).toEqual(['success', 'refunded', 'success', 'refunded', 'success']);
    const { balance } = await expectLedgerConsistent(key);
    expect(balance).toBe('9700');
  }, 120_000);

  it('refunds once when the wallet is unreachable at refund time and comes back', async () => {
    const key = await shop('1000');
    // Not delivered, but the adapter cannot know yet: unknown, and the refund comes only after a query.
    const placed = await http('POST', '/api/v1/orders', { apiKey: key, body: { product_id: 100, target: '0772220004', amount: 2, agent_reference: reference() } });
    expect(['unknown', 'pending']).toContain(placed.body.status);
    await platform.stop('wallet');
    // While the wallet is away the reconciler learns the recharge failed but cannot refund it yet.
    const whileDown = await settledOrder(key, placed.body.agent_reference, 8_000);
    expect(whileDown.status).toBe('failed');

    platform.start('wallet');
    await platform.waitForHealthy();
    const order = await settledOrder(key, placed.body.agent_reference, 30_000);
    expect(order.status).toBe('refunded');
    const { balance } = await expectLedgerConsistent(key);
    expect(balance).toBe('1000');
  }, 90_000);

  it('deliver a webhook once even when notifications is killed mid-retry and restarted', async () => {
    const key = await shop('1000');
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    // Nobody listens on the receiver's port yet: every attempt fails.
    const created = await http('POST', '/api/v1/webhooks', { apiKey: key, body: { url: `http://127.0.0.1:${port}/hooks`, events: ['order.success'] } });
    const secret: string = created.body.data.secret;
    await http('POST', '/api/v1/orders', { apiKey: key, body: { product_id: 100, target: '0772279099', amount: 1, agent_reference: reference() } });
    const deadline = Date.now() + 10_000;
    let attempts = 0;
    while (attempts < 2 && Date.now() < deadline) {
      const deliveries = await http('GET', '/api/v1/webhooks/deliveries', { apiKey: key });
      attempts = deliveries.body.data[0]?.attempts.length ?? 0;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(attempts).toBeGreaterThanOrEqual(2);

    await platform.stop('notifications', 0, 'SIGKILL');
    const receiver = await startReceiver(() => secret, [], port);
    try {
      platform.start('notifications');
      // A restart on a busy CI machine (other flows' platforms running beside) can take most of this.
      const received = await receiver.waitFor(1, 50_000);
      await new Promise((r) => setTimeout(r, 1500));
      expect(receiver.received).toHaveLength(1);
      expect(received[0]?.verified).toBe(true);
      const deliveries = await http('GET', '/api/v1/webhooks/deliveries', { apiKey: key });
      expect(deliveries.body.data).toHaveLength(1);
      expect(deliveries.body.data[0].status).toBe('delivered');
    } finally {
      await receiver.close();
    }
  }, 90_000);
});
