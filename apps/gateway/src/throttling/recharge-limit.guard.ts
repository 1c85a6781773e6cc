import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { Response } from 'express';
import { PlatformError } from '@airtime/platform';
import { GatewayConfig } from '../config/gateway.config.js';
import type { Principal } from '../auth/principal.js';
import { requestOf } from '../auth/request-of.js';
import { modeOf } from '../wallet/principal-mode.js';
import { setRateLimitHeaders } from './rate-limit-headers.js';
import { type ThrottlePolicy, Throttler } from './throttler.js';

/**
 * Marks a handler that creates orders. `batchField` names the body's array of recharges when one
 * request creates several (000's batch): each one in it counts, or a batch would be a way around the limit.
 */
export const CreatesOrders = Reflector.createDecorator<{ batchField?: string; mode?: 'live' }>();

/**
 * One limit on recharges per account and mode, whatever the path that creates them (001's orders,
 * 000's recharge and batch, GraphQL sendRecharge, each alias of it: Nest runs a resolver's guards once
 * per field). Counted in Redis by the Throttler, so every gateway replica enforces the same allowance;
 * sandbox traffic has an allowance of its own and cannot starve live recharges.
 */
@Injectable()
export class RechargeLimitGuard implements CanActivate {
  private readonly policy: ThrottlePolicy;

  constructor(
    private readonly throttler: Throttler,
    private readonly reflector: Reflector,
    config: GatewayConfig,
  ) {
    const limit = config.RATE_LIMIT_RECHARGES_PER_MINUTE;
    this.policy = { name: 'recharges', points: limit, durationSeconds: 60, refusal: `Too many recharges: at most ${limit} a minute` };
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context);
    const principal = request.user as Principal | undefined;
    if (!principal) return true;
    const marked = this.reflector.get(CreatesOrders, context.getHandler()) ?? {};
    // A logged-in user picks sendRecharge's mode in its input: sandbox sends count against the sandbox allowance.
    const asked = principal.kind === 'user' && context.getType<GqlContextType>() === 'graphql'
      ? GqlExecutionContext.create(context).getArgs<{ input?: { mode?: unknown } }>().input?.mode
      : undefined;
    const mode = marked.mode ?? (asked === 'test' ? 'test' : modeOf(principal));
    const batch = marked.batchField ? (request.body as Record<string, unknown> | undefined)?.[marked.batchField] : undefined;
    // A malformed batch is refused by validation; until then it costs what a single recharge does.
    const points = Array.isArray(batch) ? Math.max(1, batch.length) : 1;
    try {
      setRateLimitHeaders(responseOf(context), await this.throttler.consume(this.policy, `${principal.accountId}:${mode}`, points));
    } catch (error) {
      if (error instanceof PlatformError && error.code === 'RATE_LIMITED') {
        setRateLimitHeaders(responseOf(context), { limit: this.policy.points, remaining: 0, resetSeconds: error.retryAfterSeconds ?? 60 });
      }
      throw error;
    }
    return true;
  }
}

function responseOf(context: ExecutionContext): Response | undefined {
  if (context.getType<GqlContextType>() === 'graphql') return GqlExecutionContext.create(context).getContext<{ res?: Response }>().res;
  return context.switchToHttp().getResponse<Response>();
}
