import { randomBytes } from 'node:crypto';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { of } from 'rxjs';
import { GatewayConfig } from '../config/gateway.config.js';
import { ApiLimitInterceptor } from './api-limit.interceptor.js';
import { connectTestRedis, type TestRedis } from './testing/test-redis.js';
import { Throttler } from './throttler.js';

function call(request: { path: string; ip?: string; user?: object; method?: string }): ExecutionContext {
  return { getType: () => 'http', switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
}

describe('ApiLimitInterceptor (real Redis)', () => {
  const prefix = `test${randomBytes(4).toString('hex')}.`;
  let test: TestRedis;
  let redis: Redis;
  let handled = 0;
  const next: CallHandler = { handle: () => (handled++, of('ok')) };
  const interceptor = (api: number, anonymous: number, callbacks = 100, payouts = 100) =>
    new ApiLimitInterceptor(
      new Throttler(redis, prefix),
      Object.assign(new GatewayConfig(), {
        RATE_LIMIT_API_PER_MINUTE: api, RATE_LIMIT_ANONYMOUS_PER_MINUTE: anonymous, RATE_LIMIT_CALLBACKS_PER_MINUTE: callbacks, RATE_LIMIT_CAMPAIGN_PAYOUTS_PER_MINUTE: payouts,
      }),
    );
  const address = () => `10.${randomBytes(3).join('.')}`;

  beforeAll(async () => {
    test = await connectTestRedis(prefix);
    redis = test.redis;
  });
  afterAll(() => test.close());

  it('limits unauthenticated calls per address, and refuses without running the handler', async () => {
    const limiter = interceptor(100, 2);
    const ip = address();
    handled = 0;
    await limiter.intercept(call({ path: '/api/v1/onboarding/accounts', ip }), next);
    await limiter.intercept(call({ path: '/health', ip }), next);
    await expect(limiter.intercept(call({ path: '/health', ip }), next)).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(handled).toBe(2);
    await expect(limiter.intercept(call({ path: '/health', ip: address() }), next)).resolves.toBeDefined();
  });

  it('limits authenticated calls per account, wherever they come from, and gives upstream callbacks their own allowance', async () => {
    const limiter = interceptor(2, 1);
    const user = { kind: 'api-key', accountId: `acct-${randomBytes(4).toString('hex')}`, apiKeyId: 'k', mode: 'live' };
    await limiter.intercept(call({ path: '/api/v1/orders', ip: address(), user }), next);
    await limiter.intercept(call({ path: '/api/v1/orders', ip: address(), user }), next);
    await expect(limiter.intercept(call({ path: '/api/v1/wallet', ip: address(), user }), next)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    const upstream = address();
    for (let i = 0; i < 5; i++) await limiter.intercept(call({ path: '/callbacks/omega', ip: upstream }), next);
  });

  it('limits callbacks per address, so forged ones cannot become a flood of queries to an upstream', async () => {
    const limiter = interceptor(100, 1, 3);
    const forger = address();
    handled = 0;
    for (let i = 0; i < 3; i++) await limiter.intercept(call({ path: '/callbacks/tuti', ip: forger }), next);
    await expect(limiter.intercept(call({ path: '/callbacks/tuti', ip: forger }), next)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(handled).toBe(3);
    await expect(limiter.intercept(call({ path: '/callbacks/tuti', ip: address() }), next)).resolves.toBeDefined();
  });

  it('limits signed campaign payouts per campaign and address, apart from the anonymous allowance', async () => {
    const limiter = interceptor(100, 1, 100, 3);
    const tool = address();
    const campaign = `/api/v1/campaigns/${randomBytes(8).toString('hex')}/payouts`;
    handled = 0;
    for (let i = 0; i < 3; i++) await limiter.intercept(call({ method: 'POST', path: campaign, ip: tool }), next);
    await expect(limiter.intercept(call({ method: 'POST', path: campaign, ip: tool }), next)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(handled).toBe(3);
    await expect(limiter.intercept(call({ method: 'POST', path: campaign, ip: address() }), next)).resolves.toBeDefined();
    await expect(limiter.intercept(call({ method: 'POST', path: `/api/v1/campaigns/${randomBytes(8).toString('hex')}/payouts`, ip: tool }), next)).resolves.toBeDefined();
  });
});
