import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { PlatformError } from '@airtime/platform';
import { GatewayConfig } from '../config/gateway.config.js';
import type { Principal } from '../auth/principal.js';
import { requestOf } from '../auth/request-of.js';

/**
 * Recharges per account per minute (000 rate-limits its recharge endpoint), as a sliding window kept
 * in this gateway's memory: with several gateway replicas each enforces the limit on its own share.
 * Answers 429 with Retry-After and X-RateLimit-* headers, as 000 advises clients to watch.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, number[]>();

  constructor(private readonly config: GatewayConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const limit = this.config.RATE_LIMIT_RECHARGES_PER_MINUTE;
    const principal = requestOf(context).user as Principal | undefined;
    if (!principal || limit === 0) return true;
    const now = Date.now();
    const recent = (this.windows.get(principal.accountId) ?? []).filter((t) => t > now - 60_000);
    const response = context.getType() === 'http' ? context.switchToHttp().getResponse<Response>() : undefined;
    response?.setHeader('X-RateLimit-Limit', String(limit));
    if (recent.length >= limit) {
      const retryAfter = Math.max(1, Math.ceil(((recent[0] as number) + 60_000 - now) / 1000));
      response?.setHeader('X-RateLimit-Remaining', '0');
      throw new PlatformError('RATE_LIMITED', `Too many recharges: at most ${limit} a minute`, undefined, retryAfter);
    }
    recent.push(now);
    this.windows.set(principal.accountId, recent);
    response?.setHeader('X-RateLimit-Remaining', String(limit - recent.length));
    if (this.windows.size > 100_000) this.sweep(now);
    return true;
  }

  private sweep(now: number): void {
    for (const [account, times] of this.windows) if (!times.some((t) => t > now - 60_000)) this.windows.delete(account);
  }
}
