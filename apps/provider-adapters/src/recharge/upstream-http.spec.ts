import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DispatchRequest } from '@airtime/contracts';
import { loadConfig, PlatformError } from '@airtime/platform';
import { ProviderAdaptersConfig } from '../config/provider-adapters.config.js';
import { PesepayService } from '../pesepay/pesepay.service.js';
import { startHugeBodyServer, type HugeBodyServer } from '../testing/huge-body-server.js';
import { upstreamHttp } from './upstream-http.js';
import { AfricasTalkingAdapter } from './upstreams/africastalking/africastalking.adapter.js';
import { AfricasTalkingConfig } from './upstreams/africastalking/africastalking.config.js';
import { TutiAdapter } from './upstreams/tuti/tuti.adapter.js';
import { TutiConfig } from './upstreams/tuti/tuti.config.js';

describe('upstreamHttp reads answers within a size limit', () => {
  let huge: HugeBodyServer;
  beforeAll(async () => {
    huge = await startHugeBodyServer(200);
  });
  afterAll(() => huge.stop());

  it('stops reading a body that streams past the limit and reports no usable answer', async () => {
    const answer = await upstreamHttp(huge.url, { method: 'GET', timeoutMs: 10_000, maxBodyBytes: 1024 * 1024 });
    expect(answer).toEqual({ kind: 'unreachable', message: 'answer body larger than 1048576 bytes; not read' });
    // It hung up instead of downloading the 64 MiB the server was ready to send.
    expect(huge.written()).toBeLessThan(32 * 1024 * 1024);
  });

  it('refuses a declared content-length over the limit without reading it, and reads one within it', async () => {
    const body = JSON.stringify({ result: 'ok', padding: 'x'.repeat(5000) });
    const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await upstreamHttp(url, { method: 'GET', timeoutMs: 5000, maxBodyBytes: 4096 })).kind).toBe('unreachable');
      expect(await upstreamHttp(url, { method: 'GET', timeoutMs: 5000, maxBodyBytes: 8192 })).toMatchObject({ kind: 'answer', status: 200, json: { result: 'ok' } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('upstreamHttp over a real local server', () => {
  let server: http.Server;
  let url: string;
  let connections = 0;
  const seen: http.IncomingHttpHeaders[] = [];
  const paths: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(req.headers);
      paths.push(req.url ?? '');
      if (req.url === '/moved') return void res.writeHead(302, { location: '/ok' }).end();
      if (req.url === '/stall') return void res.writeHead(200, { 'content-type': 'application/json' }).write('{"result":'); // never ends
      if (req.url === '/hang') return; // no answer at all
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: req.url, raw })));
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the method, headers and body, and reads the answer', async () => {
    const answer = await upstreamHttp(`${url}/recharge`, { method: 'POST', headers: { 'content-type': 'application/json', 'X-Key': 'k' }, body: '{"a":1}', timeoutMs: 5000 });
    expect(answer).toEqual({ kind: 'answer', status: 200, text: '{"path":"/recharge","raw":"{\\"a\\":1}"}', json: { path: '/recharge', raw: '{"a":1}' } });
    expect(seen.at(-1)).toMatchObject({ 'content-type': 'application/json', 'x-key': 'k', accept: '*/*', 'user-agent': 'node' });
  });

  it('declares an untyped body as text, as fetch did', async () => {
    await upstreamHttp(`${url}/plain`, { method: 'POST', body: 'x', timeoutMs: 5000 });
    expect(seen.at(-1)?.['content-type']).toBe('text/plain;charset=UTF-8');
  });

  it('keeps connections alive between calls', async () => {
    const before = connections;
    for (let i = 0; i < 5; i++) expect((await upstreamHttp(`${url}/again`, { method: 'GET', timeoutMs: 5000 })).kind).toBe('answer');
    expect(connections - before).toBeLessThanOrEqual(1);
  });

  it('does not follow a redirect: the 3xx is the answer', async () => {
    const before = paths.length;
    expect(await upstreamHttp(`${url}/moved`, { method: 'POST', body: '{}', timeoutMs: 5000 })).toMatchObject({ kind: 'answer', status: 302 });
    expect(paths.slice(before)).toEqual(['/moved']);
  });

  it('times out an upstream that never answers, and one whose body stalls', async () => {
    expect(await upstreamHttp(`${url}/hang`, { method: 'GET', timeoutMs: 200 })).toEqual({ kind: 'timeout' });
    expect(await upstreamHttp(`${url}/stall`, { method: 'GET', timeoutMs: 200 })).toEqual({ kind: 'timeout' });
  });

  it('reports a refused connection as unreachable, with the system\'s words', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await upstreamHttp(`http://127.0.0.1:${port}/`, { method: 'GET', timeoutMs: 5000 })).toEqual({ kind: 'unreachable', message: expect.stringContaining('ECONNREFUSED') });
  });
});

describe('an upstream that answers with an endless body', () => {
  // A 400 is what Africa's Talking and Tuti use for refusals: read whole, it would fail the order.
  let refusing: HugeBodyServer;
  let ok: HugeBodyServer;
  beforeAll(async () => {
    refusing = await startHugeBodyServer(400);
    ok = await startHugeBodyServer(200);
  });
  afterAll(async () => {
    await refusing.stop();
    await ok.stop();
  });

  const request = (upstream: 'africastalking' | 'tuti'): DispatchRequest => ({
    reference: `huge${process.pid}${upstream}`,
    upstream,
    mode: 'live',
    kind: 'airtime',
    country: upstream === 'tuti' ? 'SD' : 'KE',
    network: upstream === 'tuti' ? 'mtn' : 'safaricom',
    target: upstream === 'tuti' ? '249925343834' : '254711223344',
    currency: upstream === 'tuti' ? 'SDG' : 'KES',
    amount_minor: '10000',
  });

  it("leaves a recharge unknown (never failed) when Africa's Talking's or Tuti's answer is too large to read", async () => {
    const at = new AfricasTalkingAdapter(loadConfig(AfricasTalkingConfig, { NODE_ENV: 'test', AFRICASTALKING_BASE_URL: refusing.url, AFRICASTALKING_TIMEOUT_MS: '10000' }));
    const tuti = new TutiAdapter(loadConfig(TutiConfig, { NODE_ENV: 'test', TUTI_BASE_URL: refusing.url, TUTI_TIMEOUT_MS: '10000' }));
    expect(await at.send(request('africastalking'))).toMatchObject({ status: 'unknown', message: expect.stringContaining('larger than') });
    expect(await tuti.send(request('tuti'))).toMatchObject({ status: 'unknown', message: expect.stringContaining('larger than') });
  });

  it('makes a Pesepay call that answers too much an error, not a payment', async () => {
    const pesepay = new PesepayService(loadConfig(ProviderAdaptersConfig, { NODE_ENV: 'test', DATABASE_URL: 'postgres://unused', PESEPAY_BASE_URL: ok.url, PESEPAY_SANDBOX_BASE_URL: ok.url, PESEPAY_INTEGRATION_KEY: 'k', PESEPAY_ENCRYPTION_KEY: 'e'.repeat(32) }));
    const error = await pesepay.check({ pesepay_reference: 'ref', mode: 'live' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', message: expect.stringContaining('larger than') });
  });
});
