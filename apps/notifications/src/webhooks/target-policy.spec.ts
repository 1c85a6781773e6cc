import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { isPublicAddress, type Resolver, TargetPolicy, TargetRefusedError } from './target-policy.js';

/** A DNS stand-in: names map to the addresses a (possibly hostile) DNS server would answer. */
const dns = (table: Record<string, string[]>): Resolver => async (host) => {
  const found = table[host];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return found;
};

async function refusal(policy: TargetPolicy, url: string): Promise<TargetRefusedError> {
  const error = await policy.check(url).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(TargetRefusedError);
  return error as TargetRefusedError;
}

describe('webhook receiver addresses', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'IPv6 loopback'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex form'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::7f00:1', 'IPv4-compatible loopback'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'IPv6 unspecified'],
    ['10.1.2.3', 'private 10/8'],
    ['172.16.0.1', 'private 172.16/12'],
    ['192.168.1.1', 'private 192.168/16'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['fe80::1', 'IPv6 link-local'],
    ['fd00::1', 'unique-local'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'IPv6 multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'documentation (reserved)'],
    ['2002:7f00:1::1', '6to4 around 127.0.0.1'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
    ['64:ff9b::7f00:1', 'NAT64 of 127.0.0.1'],
    ['not an address', 'garbage'],
  ])('refuses %s (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows the public address %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('webhook receiver URLs', () => {
  const policy = new TargetPolicy(false, dns({
    'localtest.me': ['127.0.0.1'],
    'hooks.shop.example': ['93.184.215.14'],
    'split.example': ['93.184.215.14', '10.0.0.7'],
    'metadata.example': ['169.254.169.254'],
    'v6.example': ['2606:4700:4700::1111'],
  }));

  it('refuses a name that resolves to loopback, and any name with one private address among public ones', async () => {
    expect((await refusal(policy, 'http://localtest.me/hooks')).reason).toBe('url must be reachable on the public internet');
    expect((await refusal(policy, 'https://split.example/hooks')).detail).toContain('10.0.0.7');
    await refusal(policy, 'http://metadata.example/latest/meta-data/');
  });

  it('refuses address literals in every spelling the URL parser accepts', async () => {
    for (const url of ['http://[::ffff:127.0.0.1]/', 'http://[::ffff:7f00:1]:8080/', 'http://169.254.169.254/', 'http://0.0.0.0/', 'http://2130706433/', 'http://0x7f.1/', 'http://[fe80::1]/', 'http://100.64.0.1/']) {
      await refusal(policy, url);
    }
  });

  it('does not tell the tenant which address a name resolved to', async () => {
    const refused = await refusal(policy, 'http://localtest.me/');
    expect(refused.reason).not.toContain('127.0.0.1');
    expect(refused.message).not.toContain('127.0.0.1');
  });

  it('refuses names that do not resolve, credentials in the URL and other schemes', async () => {
    expect((await refusal(policy, 'https://nowhere.example/')).reason).toBe('url host could not be resolved');
    await refusal(policy, 'https://user:pass@hooks.shop.example/');
    await refusal(policy, 'ftp://hooks.shop.example/');
  });

  it('allows public receivers, IPv4 and IPv6', async () => {
    await expect(policy.check('https://hooks.shop.example/airtime')).resolves.toEqual(['93.184.215.14']);
    await expect(policy.check('https://v6.example/')).resolves.toEqual(['2606:4700:4700::1111']);
    await expect(policy.check('http://8.8.8.8/')).resolves.toEqual(['8.8.8.8']);
  });

  it('allows anything only when private targets are explicitly allowed (tests, development)', async () => {
    await expect(new TargetPolicy(true, dns({})).check('http://127.0.0.1:9/hooks')).resolves.toEqual([]);
  });
});

describe('webhook connections', () => {
  let server: http.Server;
  let port: number;
  let hits = 0;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits++;
      res.end(req.headers.host);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuse a name that was public at registration and resolves to loopback at delivery (DNS rebinding)', async () => {
    const answers: Record<string, string[]> = { 'rebind.example': ['93.184.215.14'] };
    const policy = new TargetPolicy(false, async (host) => answers[host] ?? []);
    await expect(policy.check(`http://rebind.example:${port}/`)).resolves.toEqual(['93.184.215.14']);
    answers['rebind.example'] = ['127.0.0.1'];
    const agent = new Agent({ connect: { lookup: policy.lookup } });
    const before = hits;
    await expect(request(`http://rebind.example:${port}/`, { dispatcher: agent })).rejects.toThrow(/public internet/);
    expect(hits).toBe(before);
    await agent.close();
  });

  it('connect to the checked address while the Host header still names the receiver', async () => {
    const policy = new TargetPolicy(true, async () => ['127.0.0.1']);
    const agent = new Agent({ connect: { lookup: policy.lookup } });
    const response = await request(`http://receiver.example:${port}/`, { dispatcher: agent });
    expect(await response.body.text()).toBe(`receiver.example:${port}`);
    await agent.close();
  });
});
