import { e2eState } from '../support/e2e-state.js';
import { scrape, total } from '../support/metrics.js';
import { fundedShop, reference } from '../support/orders.js';
import { http } from '../support/platform-client.js';
import { onboardTenant } from '../support/tenants.js';

// Other flows share this platform and run beside this one: every check is on an increase, never a value.
describe('Prometheus metrics on each process\'s internal port', () => {
  it('counts a real order in orders, wallet and the gateway, with bounded labels only', async () => {
    const before = {
      orders: (await scrape('orders')).series, wallet: (await scrape('wallet')).series, gateway: (await scrape('gateway')).series, adapters: (await scrape('provider-adapters')).series,
    };
    const shop = await fundedShop(await onboardTenant());
    const agent_reference = reference('metrics');
    const { status, body: order } = await http('POST', '/api/v1/orders', { apiKey: shop.key, body: { product_id: 100, target: '0772279099', amount: 5, agent_reference } });
    expect(status).toBe(200);
    expect(order.status).toBe('success');
    expect((await http('GET', `/api/v1/orders/${agent_reference}`, { apiKey: shop.key })).status).toBe(200);

    const orders = await scrape('orders');
    const increase = (after: typeof orders.series, was: typeof orders.series, name: string, labels: Record<string, string>) => total(after, name, labels) - total(was, name, labels);
    // Orders by status and upstream: the order went created → … → success, through some upstream, in live mode.
    for (const status of ['created', 'dispatching', 'success']) {
      expect(increase(orders.series, before.orders, 'airtime_order_transitions_total', { status, mode: 'live' })).toBeGreaterThanOrEqual(1);
    }
    const success = orders.series.filter((s) => s.name === 'airtime_order_transitions_total' && s.labels.status === 'success');
    expect(success.map((s) => s.labels.upstream)).toEqual(expect.arrayContaining([expect.stringMatching(/^[a-z]+$/)]));
    // The NATS server layer: orders handled the gateway's request to place it.
    expect(orders.series.some((s) => s.name === 'airtime_rpc_server_duration_seconds_count' && s.labels.outcome === 'ok' && s.labels.service === 'orders')).toBe(true);
    // Read on scrape: the reconciler's backlog and the outbox's lag are there, per status and per stream.
    expect(orders.series.find((s) => s.name === 'airtime_reconciler_backlog_orders' && s.labels.status === 'unknown')).toBeDefined();
    expect(orders.series.find((s) => s.name === 'airtime_reconciler_oldest_unknown_age_seconds')).toBeDefined();
    expect(orders.series.find((s) => s.name === 'airtime_outbox_oldest_unpublished_age_seconds' && s.labels.stream?.endsWith('ORDERS'))).toBeDefined();

    const wallet = await scrape('wallet');
    expect(increase(wallet.series, before.wallet, 'airtime_wallet_debits_total', { currency: 'USD', mode: 'live' })).toBeGreaterThanOrEqual(1);
    expect(increase(wallet.series, before.wallet, 'airtime_wallet_debited_minor_total', { currency: 'USD', mode: 'live' })).toBeGreaterThanOrEqual(500);
    const debitSubject = wallet.series.find((s) => s.name === 'airtime_rpc_server_duration_seconds_count' && s.labels.subject?.endsWith('wallet.transfers.debit') && s.labels.outcome === 'ok');
    expect(debitSubject?.value).toBeGreaterThanOrEqual(1);

    // The upstream call, by upstream and outcome, and its circuit (closed) in live mode.
    const adapters = await scrape('provider-adapters');
    const upstream = success[0]?.labels.upstream as string;
    expect(increase(adapters.series, before.adapters, 'airtime_upstream_call_duration_seconds_count', { upstream, operation: 'send', outcome: 'success' })).toBeGreaterThanOrEqual(1);
    expect(total(adapters.series, 'airtime_upstream_circuit_state', { upstream, mode: 'live' })).toBe(0);
    expect(adapters.series.some((s) => s.name === 'airtime_upstream_circuit_state' && s.labels.upstream === upstream && s.labels.mode === 'live')).toBe(true);
    // Webhooks: the backlog gauges are read on scrape (no endpoint here, so nothing is pending for this tenant).
    const notifications = await scrape('notifications');
    for (const name of ['airtime_webhook_backlog_deliveries', 'airtime_webhook_due_deliveries', 'airtime_webhook_oldest_pending_age_seconds']) {
      expect(notifications.series.some((s) => s.name === name)).toBe(true);
    }

    // HTTP by route template: the POST and the GET by reference, whose reference is in no label.
    const gateway = await scrape('gateway');
    expect(increase(gateway.series, before.gateway, 'airtime_http_server_duration_seconds_count', { route: '/api/v1/orders', method: 'POST', status_class: '2xx' })).toBeGreaterThanOrEqual(1);
    const byReference = gateway.series.filter((s) => s.name === 'airtime_http_server_duration_seconds_count' && s.labels.method === 'GET' && s.labels.route?.startsWith('/api/v1/orders/:'));
    expect(byReference.length).toBeGreaterThanOrEqual(1);
    for (const { text } of [orders, wallet, gateway, adapters, notifications]) {
      expect(text).not.toContain(agent_reference);
      expect(text).not.toContain(order.id);
      expect(text).not.toContain(shop.tenant.accountId);
    }
  });

  it('answers /livez and /readyz per process, PostgreSQL and NATS included where the service has them', async () => {
    for (const app of ['orders', 'wallet', 'identity', 'provider-adapters', 'notifications']) {
      expect((await fetch(`${e2eState().metricsUrls[app]}/livez`)).status).toBe(200);
      const ready = await fetch(`${e2eState().metricsUrls[app]}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', checks: { nats: true, postgres: true } });
    }
    expect((await fetch(`${e2eState().metricsUrls['gateway']}/readyz`)).status).toBe(200);
  });

  it('is not served on the gateway\'s public port', async () => {
    for (const path of ['/metrics', '/livez', '/readyz', '/api/metrics']) {
      const response = await fetch(`${e2eState().gatewayUrl}${path}`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('airtime_');
    }
  });
});
