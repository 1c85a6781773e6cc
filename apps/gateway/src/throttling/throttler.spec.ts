import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { connectTestRedis, type TestRedis } from './testing/test-redis.js';
import { PlatformError } from '@airtime/platform';
import { type ThrottlePolicy, Throttler } from './throttler.js';

const policy: ThrottlePolicy = { name: 'spec', points: 3, durationSeconds: 60, refusal: 'Too many tries' };

describe('Throttler (real Redis)', () => {
  const prefix = `test${randomBytes(4).toString('hex')}.`;
  const clients: TestRedis[] = [];
  // One client per replica, sharing the prefix.
  const throttler = async () => {
    const client = await connectTestRedis(prefix);
    clients.push(client);
    return new Throttler(client.redis, prefix);
  };

  afterAll(async () => {
    const [first, ...others] = clients as [TestRedis, ...TestRedis[]];
    expect(await first.close()).toBeGreaterThan(0);
    await Promise.all(others.map((c) => c.close()));
  });

  it('shares one allowance between replicas, per key, and refuses with RATE_LIMITED and a retry time', async () => {
    const [a, b] = [await throttler(), await throttler()];
    expect(await a.consume(policy, 'acct-1')).toMatchObject({ limit: 3, remaining: 2 });
    expect(await b.consume(policy, 'acct-1')).toMatchObject({ remaining: 1 });
    expect(await a.consume(policy, 'acct-1')).toMatchObject({ remaining: 0 });
    const refused = await b.consume(policy, 'acct-1').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PlatformError);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', message: 'Too many tries' });
    expect((refused as PlatformError).retryAfterSeconds).toBeGreaterThan(0);
    expect((refused as PlatformError).retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await b.consume(policy, 'acct-2')).toMatchObject({ remaining: 2 });
  });

  it('counts several points at once (a batch of recharges) and refuses the lot when it would pass the limit', async () => {
    const t = await throttler();
    await t.consume(policy, 'batch', 2);
    await expect(t.consume(policy, 'batch', 2)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('keeps limiting in memory when Redis does not answer', async () => {
    const dead = new Redis('redis://127.0.0.1:1', { enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
    dead.on('error', () => undefined);
    const t = new Throttler(dead, prefix);
    for (let i = 0; i < 3; i++) await t.consume(policy, 'offline');
    await expect(t.consume(policy, 'offline')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});
