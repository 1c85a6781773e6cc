import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { fundedShop, placeOrder } from '../support/orders.js';
import { http as gateway } from '../support/platform-client.js';
import { onboardTenant } from '../support/tenants.js';

interface Attempt {
  status_code: number | null;
  error: string | null;
}

/** A port that was free a moment ago: nothing listens there, so connecting is refused. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A receiver that answers every request with `status`, `headers` and a body full of internal detail. */
async function answering(status: number, headers: Record<string, string> = {}) {
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits++;
    req.resume();
    res.writeHead(status, { 'content-type': 'text/plain', ...headers });
    res.end(`stack trace at /srv/internal/app.py line 42; db=10.0.3.7:5432 ${'x'.repeat(200_000)}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function attemptsOf(key: string, endpointId: string, atLeast: number): Promise<Attempt[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const listed = await gateway('GET', `/api/v1/webhooks/deliveries?endpoint_id=${endpointId}`, { apiKey: key });
    const attempts = (listed.body.data[0]?.attempts ?? []) as Attempt[];
    if (attempts.length >= atLeast || Date.now() > deadline) return attempts;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function endpoint(key: string, url: string): Promise<string> {
  const created = await gateway('POST', '/api/v1/webhooks', { apiKey: key, body: { url, events: ['order.success'] } });
  expect(created.status).toBe(201);
  return created.body.data.id;
}

describe('webhook delivery failures shown to tenants', () => {
  it('say only "connection failed": no address, port or error text to scan the network with', async () => {
    const shop = await fundedShop(await onboardTenant());
    const port = await closedPort();
    const id = await endpoint(shop.key, `http://127.0.0.1:${port}/hooks`);
    await placeOrder(shop.key, { product_id: 100, target: '0772279099', amount: 1 });
    const attempts = await attemptsOf(shop.key, id, 2);
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    for (const attempt of attempts) expect(attempt).toEqual(expect.objectContaining({ status_code: null, error: 'connection failed' }));
    const shown = JSON.stringify(attempts);
    expect(shown).not.toContain(String(port));
    expect(shown).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
  });

  it("say only the HTTP status, never the receiver's answer, and do not follow redirects", async () => {
    const shop = await fundedShop(await onboardTenant());
    const failing = await answering(500);
    const elsewhere = await answering(200);
    const redirecting = await answering(307, { location: elsewhere.url });
    try {
      const failingId = await endpoint(shop.key, failing.url);
      const redirectingId = await endpoint(shop.key, redirecting.url);
      await placeOrder(shop.key, { product_id: 100, target: '0772279099', amount: 1 });
      const failed = await attemptsOf(shop.key, failingId, 1);
      expect(failed[0]).toEqual(expect.objectContaining({ status_code: 500, error: 'HTTP 500' }));
      expect(JSON.stringify(failed)).not.toMatch(/stack trace|10\.0\.3\.7/);
      const redirected = await attemptsOf(shop.key, redirectingId, 1);
      expect(redirected[0]).toEqual(expect.objectContaining({ status_code: 307, error: 'HTTP 307' }));
      expect(redirecting.hits()).toBeGreaterThanOrEqual(1);
      expect(elsewhere.hits()).toBe(0);
    } finally {
      await Promise.all([failing.close(), elsewhere.close(), redirecting.close()]);
    }
  });
});
