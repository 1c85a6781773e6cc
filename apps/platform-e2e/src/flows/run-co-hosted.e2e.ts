import { http } from '../support/platform-client.js';
import { balanceOf, fundedShop, placeOrder, reference, settledOrder } from '../support/orders.js';
import { ownPlatform } from '../support/own-platform.js';
import type { RunningPlatform } from '../support/platform-processes.js';
import { onboardTenant } from '../support/tenants.js';

/**
 * Every app but the simulator in one process (tools/co-host.mjs), as a small installation runs them
 * (docs/performance.md): requests between co-hosted apps skip nats-server, and nothing else changes.
 * Onboarding, an order, its idempotent replay, a refunded failure and a graceful stop, end to end.
 */
let platform: RunningPlatform;
const CO_HOSTED = 'co-hosted:identity+wallet+orders+provider-adapters+notifications+gateway';

beforeAll(async () => {
  platform = await ownPlatform({ label: 'cohost', coHost: ['identity', 'wallet', 'orders', 'provider-adapters', 'notifications', 'gateway'] });
}, 240_000);
afterAll(() => platform?.stopAll(), 60_000);

describe('the platform co-hosted in one process', () => {
  it('runs as one process beside the simulator', () => {
    expect(Object.keys(platform.state.pids).sort()).toEqual([CO_HOSTED, 'provider-sim']);
  });

  it("onboards, sends 001's example order, debits once and answers a replay with the same order", async () => {
    const shop = await fundedShop(await onboardTenant());
    const body = { product_id: 100, target: '0772279099', amount: 5, agent_reference: reference('co') };
    const placed = await http('POST', '/api/v1/orders', { apiKey: shop.key, body });
    expect(placed.status).toBe(200);
    expect(placed.body).toMatchObject({ status: 'success', amount_minor: '500' });
    expect(await balanceOf(shop.key)).toBe('9500');
    const again = await http('POST', '/api/v1/orders', { apiKey: shop.key, body });
    expect(again.body.id).toBe(placed.body.id);
    expect(await balanceOf(shop.key)).toBe('9500');
  }, 60_000);

  it('refunds a recharge the upstream rejects, to the cent', async () => {
    const shop = await fundedShop(await onboardTenant(), '1234');
    const placed = await placeOrder(shop.key, { product_id: 100, target: '0772220001', amount: 3.21 });
    const order = placed.body.status === 'refunded' ? placed.body : await settledOrder(shop.key, placed.body.agent_reference);
    expect(order).toMatchObject({ status: 'refunded' });
    expect(await balanceOf(shop.key)).toBe('1234');
  }, 60_000);

  it('stops on SIGTERM within the grace period, not killed', async () => {
    // Each app's shutdown hook re-raises the signal once it has closed; the apps still closing absorb
    // it (Nest's hook ignores a second signal), and the last one's ends the process. stop() sends
    // SIGKILL after 5 s.
    const ended = await platform.stop(CO_HOSTED);
    expect(ended?.signal).toBe('SIGTERM');
  }, 30_000);
});
