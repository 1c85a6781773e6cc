import { randomBytes } from 'node:crypto';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Redis } from 'ioredis';
import { PlatformError } from '@airtime/platform';
import { GatewayConfig } from '../config/gateway.config.js';
import { CreatesOrders, RechargeLimitGuard } from './recharge-limit.guard.js';
import { connectTestRedis, type TestRedis } from './testing/test-redis.js';
import { Throttler } from './throttler.js';

class Handlers {
  @CreatesOrders({}) single() {
    return 'one recharge';
  }
  @CreatesOrders({ mode: 'live', batchField: 'recharges' }) batch() {
    return 'a batch';
  }
}

function http(principal: object, handler: keyof Handlers, body: unknown, headers: Record<string, string>): ExecutionContext {
  const request = { user: principal, body };
  const response = { headersSent: false, setHeader: (name: string, value: string) => (headers[name] = value) };
  return {
    getType: () => 'http',
    getHandler: () => Handlers.prototype[handler],
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ExecutionContext;
}

/** A GraphQL field call as Nest hands it to a guard: [root, args, context, info]. */
function graphql(principal: object, args: unknown): ExecutionContext {
  const response = { headersSent: false, setHeader: () => undefined };
  const all = [undefined, args, { req: { user: principal }, res: response }, {}];
  return {
    getType: () => 'graphql',
    getClass: () => Handlers,
    getHandler: () => Handlers.prototype.single,
    getArgs: () => all,
    getArgByIndex: (index: number) => all[index],
  } as unknown as ExecutionContext;
}

describe('RechargeLimitGuard (real Redis)', () => {
  const prefix = `test${randomBytes(4).toString('hex')}.`;
  let test: TestRedis;
  let redis: Redis;
  const guard = (limit: number) =>
    new RechargeLimitGuard(new Throttler(redis, prefix), new Reflector(), Object.assign(new GatewayConfig(), { RATE_LIMIT_RECHARGES_PER_MINUTE: limit }));
  const key = (mode: 'live' | 'test') => ({ kind: 'api-key', apiKeyId: 'k', accountId: `acct-${randomBytes(4).toString('hex')}`, mode });

  beforeAll(async () => {
    test = await connectTestRedis(prefix);
    redis = test.redis;
  });
  afterAll(() => test.close());

  it('counts every recharge in a batch, and refuses a batch that would pass the limit with 0 remaining and a retry time', async () => {
    const g = guard(5);
    const principal = key('live');
    const headers: Record<string, string> = {};
    await g.canActivate(http(principal, 'batch', { recharges: [{}, {}, {}] }, headers));
    expect(headers).toMatchObject({ 'X-RateLimit-Limit': '5', 'X-RateLimit-Remaining': '2' });
    const refused = await g.canActivate(http(principal, 'batch', { recharges: [{}, {}, {}] }, headers)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PlatformError);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', message: 'Too many recharges: at most 5 a minute' });
    expect(headers['X-RateLimit-Remaining']).toBe('0');
    expect(Number(headers['X-RateLimit-Reset'])).toBeGreaterThan(0);
    // What was refused was not taken: two single recharges still fit.
    await g.canActivate(http(principal, 'single', {}, headers));
    await g.canActivate(http(principal, 'single', {}, headers));
    await expect(g.canActivate(http(principal, 'single', {}, headers))).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('shares the allowance between gateway replicas (two guards, one Redis)', async () => {
    const [a, b] = [guard(2), guard(2)];
    const principal = key('live');
    await a.canActivate(http(principal, 'single', {}, {}));
    await b.canActivate(http(principal, 'single', {}, {}));
    await expect(a.canActivate(http(principal, 'single', {}, {}))).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it("keeps a sandbox key's recharges apart from live ones of the same account", async () => {
    const g = guard(1);
    const live = key('live');
    const test = { ...key('test'), accountId: live.accountId };
    await g.canActivate(http(live, 'single', {}, {}));
    await expect(g.canActivate(http(test, 'single', {}, {}))).resolves.toBe(true);
    await expect(g.canActivate(http(live, 'single', {}, {}))).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it("counts a logged-in user's sendRecharge in the mode its input asks for (default live)", async () => {
    const g = guard(1);
    const user = { kind: 'user', userId: 'u', accountId: `acct-${randomBytes(4).toString('hex')}` };
    await g.canActivate(graphql(user, { input: { mode: 'test' } }));
    await expect(g.canActivate(graphql(user, { input: {} }))).resolves.toBe(true);
    await expect(g.canActivate(graphql(user, { input: { mode: 'live' } }))).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(g.canActivate(graphql(user, { input: { mode: 'test' } }))).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('is off at 0', async () => {
    const g = guard(0);
    const principal = key('live');
    for (let i = 0; i < 5; i++) await expect(g.canActivate(http(principal, 'batch', { recharges: [{}, {}] }, {}))).resolves.toBe(true);
  });
});
