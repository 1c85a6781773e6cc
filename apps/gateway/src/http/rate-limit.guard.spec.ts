import type { ExecutionContext } from '@nestjs/common';
import { PlatformError } from '@airtime/platform';
import { GatewayConfig } from '../config/gateway.config.js';
import { RateLimitGuard } from './rate-limit.guard.js';

function contextFor(accountId: string, headers: Record<string, string>): ExecutionContext {
  const request = { user: { kind: 'api-key', accountId, apiKeyId: 'k', mode: 'live' }, header: () => undefined };
  const response = { setHeader: (name: string, value: string) => (headers[name] = value) };
  return {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ExecutionContext;
}

describe('RateLimitGuard', () => {
  const guard = new RateLimitGuard(Object.assign(new GatewayConfig(), { RATE_LIMIT_RECHARGES_PER_MINUTE: 3 }));

  it('lets an account through up to the limit, then answers RATE_LIMITED with Retry-After, per account', () => {
    const headers: Record<string, string> = {};
    for (let i = 0; i < 3; i++) expect(guard.canActivate(contextFor('a', headers))).toBe(true);
    expect(headers['X-RateLimit-Remaining']).toBe('0');
    let error: PlatformError | undefined;
    try {
      guard.canActivate(contextFor('a', headers));
    } catch (e) {
      error = e as PlatformError;
    }
    expect(error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(error?.retryAfterSeconds).toBeGreaterThan(0);
    expect(error?.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(guard.canActivate(contextFor('b', {}))).toBe(true);
  });

  it('is off at 0', () => {
    const off = new RateLimitGuard(Object.assign(new GatewayConfig(), { RATE_LIMIT_RECHARGES_PER_MINUTE: 0 }));
    for (let i = 0; i < 10; i++) expect(off.canActivate(contextFor('a', {}))).toBe(true);
  });
});
