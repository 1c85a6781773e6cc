import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { http } from '../support/platform-client.js';
import { ownPlatform } from '../support/own-platform.js';
import type { RunningPlatform } from '../support/platform-processes.js';
import { fundedShop, reference, type Shop } from '../support/orders.js';
import { onboardTenant } from '../support/tenants.js';

/** One span as the OTLP/HTTP JSON encoding carries it, with the service that sent it. */
interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

interface OtlpJson {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: Record<string, unknown> }[] };
    scopeSpans?: { spans?: (Omit<ReceivedSpan, 'service' | 'attributes'> & { attributes?: { key: string; value: Record<string, unknown> }[] })[] }[];
  }[];
}

const SERVER = 2;
const CLIENT = 3;

/** A tiny OTLP/HTTP receiver: every span every service exports, kept in memory. */
const spans: ReceivedSpan[] = [];
let receiver: Server;
let platform: RunningPlatform;
let shop: Shop;

const valueOf = (value: Record<string, unknown>) => Object.values(value)[0];
const attributesOf = (list: { key: string; value: Record<string, unknown> }[] = []) => Object.fromEntries(list.map((a) => [a.key, valueOf(a.value)]));

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpJson;
      for (const rs of body.resourceSpans ?? []) {
        const service = String(attributesOf(rs.resource?.attributes)['service.name']);
        for (const ss of rs.scopeSpans ?? []) for (const s of ss.spans ?? []) spans.push({ ...s, service, attributes: attributesOf(s.attributes) });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as AddressInfo;
  platform = await ownPlatform({
    label: 'traces',
    env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_BSP_SCHEDULE_DELAY: '100' },
  });
  shop = await fundedShop(await onboardTenant());
}, 240_000);
afterAll(async () => {
  if (process.env['TRACE_DUMP']) (await import('node:fs')).writeFileSync(process.env['TRACE_DUMP'], JSON.stringify(spans, null, 1));
  await platform?.stopAll();
  await new Promise((resolve) => receiver?.close(resolve));
}, 60_000);

/** Waits until the trace holds what `complete` looks for (spans arrive in batches from each service). */
async function traceOf(traceId: string, complete: (trace: ReceivedSpan[]) => boolean): Promise<ReceivedSpan[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const trace = spans.filter((s) => s.traceId === traceId);
    if (complete(trace) || Date.now() > deadline) return trace;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const describeTree = (trace: ReceivedSpan[]) => trace.map((s) => `${s.service} ${s.kind} ${s.name} ${s.spanId} <- ${s.parentSpanId ?? '-'}`).join('\n');

describe("one order's trace", () => {
  it('joins the gateway, orders, wallet and provider-adapters under the trace its caller started, with pg and upstream HTTP spans', async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const body = { product_id: 100, target: '0772279099', amount: 1, agent_reference: reference() };
    const sent = await http('POST', '/api/v1/orders', { apiKey: shop.key, body, headers: { traceparent: `00-${traceId}-${callerSpanId}-01` } });
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe('success');

    const servicesOf = (trace: ReceivedSpan[]) => new Set(trace.filter((s) => s.kind === SERVER).map((s) => s.service));
    const trace = await traceOf(traceId, (t) => ['gateway', 'orders', 'wallet', 'provider-adapters'].every((s) => servicesOf(t).has(s)) && t.some((s) => s.service === 'provider-adapters' && s.kind === CLIENT));
    const tree = describeTree(trace);
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    const parentOf = (s: ReceivedSpan) => (s.parentSpanId ? byId.get(s.parentSpanId) : undefined);

    // The gateway's server span continues the caller's span.
    const gateway = trace.filter((s) => s.service === 'gateway' && s.kind === SERVER);
    expect({ tree, count: gateway.length }).toEqual({ tree, count: 1 });
    expect(gateway[0]).toMatchObject({ parentSpanId: callerSpanId, name: 'POST /api/v1/orders' });
    expect(gateway[0]?.attributes['http.response.status_code']).toBe(200);

    // gateway → orders → wallet and provider-adapters, one server span per handled subject.
    const orders = trace.filter((s) => s.service === 'orders' && s.kind === SERVER);
    expect({ tree, parents: orders.map((s) => parentOf(s)?.service) }).toEqual({ tree, parents: orders.map(() => 'gateway') });
    for (const service of ['wallet', 'provider-adapters']) {
      const handled = trace.filter((s) => s.service === service && s.kind === SERVER);
      expect({ tree, service, parents: handled.map((s) => parentOf(s)?.service) }).toEqual({ tree, service, parents: handled.map(() => 'orders') });
      expect(handled.length).toBeGreaterThan(0);
      for (const s of handled) expect(s.attributes['messaging.system']).toBe('nats');
    }

    // PostgreSQL queries as client spans of the service that ran them, under its server span.
    const queries = trace.filter((s) => s.kind === CLIENT && s.attributes['db.system.name'] === 'postgresql');
    expect(queries.some((s) => s.service === 'wallet')).toBe(true);
    expect(queries.some((s) => s.service === 'orders')).toBe(true);
    for (const q of queries) expect(parentOf(q)?.service).toBe(q.service);

    // The upstream calls (the simulator's sign-in, then the recharge), under provider-adapters' server span.
    const upstream = trace.filter((s) => s.service === 'provider-adapters' && s.kind === CLIENT && s.attributes['http.request.method']);
    expect({ tree, count: upstream.length > 0 }).toEqual({ tree, count: true });
    for (const call of upstream) {
      expect(call.attributes['http.response.status_code']).toBe(200);
      expect(parentOf(call)).toMatchObject({ service: 'provider-adapters', kind: SERVER });
    }
  });

  it('names a GraphQL request after its operation and starts a trace of its own without a traceparent', async () => {
    const query = `mutation SendOne($input: SendRechargeInput!) { sendRecharge(input: $input) { order { id status } } }`;
    const input = { productId: 100, target: '0772279099', amount: '1.00', agentReference: reference() };
    const before = new Set(spans.map((s) => s.traceId));
    const sent = await http('POST', '/graphql', { apiKey: shop.key, body: { query, variables: { input }, operationName: 'SendOne' } });
    expect(sent.body.errors).toBeUndefined();
    expect(sent.body.data.sendRecharge.order.status).toBe('success');

    const deadline = Date.now() + 20_000;
    let root: ReceivedSpan | undefined;
    while (!root && Date.now() < deadline) {
      root = spans.find((s) => s.service === 'gateway' && s.name === 'graphql SendOne' && !before.has(s.traceId));
      if (!root) await new Promise((r) => setTimeout(r, 100));
    }
    if (!root) throw new Error(`no gateway span named "graphql SendOne" among ${spans.filter((s) => s.service === 'gateway').map((s) => s.name).join(', ')}`);
    expect(root.parentSpanId ?? '').toBe('');
    const trace = await traceOf(root.traceId, (t) => t.some((s) => s.service === 'provider-adapters' && s.kind === SERVER));
    expect(new Set(trace.filter((s) => s.kind === SERVER).map((s) => s.service))).toEqual(expect.objectContaining(new Set(['gateway', 'orders'])));
    expect(trace.some((s) => s.service === 'provider-adapters')).toBe(true);
  });
});
