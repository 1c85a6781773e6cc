import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { PlatformError } from '@airtime/platform';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
export const REDIS_KEY_PREFIX = Symbol('REDIS_KEY_PREFIX');

/** A named limit: at most `points` in `durationSeconds`, counted per key (an account, an address, a phone). */
export interface ThrottlePolicy {
  name: string;
  points: number;
  durationSeconds: number;
  /** What the caller is told when refused, e.g. "Too many recharges". */
  refusal: string;
}

/** What a caller may be told about a limit (the X-RateLimit-* headers). */
export interface ThrottleState {
  limit: number;
  remaining: number;
  resetSeconds: number;
}

/**
 * Counts in Redis, so every gateway replica enforces one shared limit. If Redis cannot answer, each
 * replica falls back to counting in its own memory (rate-limiter-flexible's insurance limiter): limits
 * stay on, at worst multiplied by the number of replicas, rather than failing every request or none.
 */
@Injectable()
export class Throttler implements OnModuleDestroy {
  private readonly logger = new Logger(Throttler.name);
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(REDIS_KEY_PREFIX) private readonly keyPrefix: string,
  ) {}

  /**
   * Takes `points` from `key`'s allowance under `policy`, or throws RATE_LIMITED (429 with
   * Retry-After) and takes nothing. A policy with 0 points is off.
   */
  async consume(policy: ThrottlePolicy, key: string, points = 1): Promise<ThrottleState> {
    if (policy.points === 0) return { limit: 0, remaining: 0, resetSeconds: 0 };
    try {
      const result = await this.limiter(policy).consume(key, points);
      return stateOf(policy, result);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      // rate-limiter-flexible counts a refused consume too; give it back, or one refused batch would use up the window.
      await this.limiter(policy).reward(key, points).catch(() => undefined);
      const retryAfter = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new PlatformError('RATE_LIMITED', policy.refusal, { limit: policy.points, window_seconds: policy.durationSeconds }, retryAfter);
    }
  }

  /** Gives points back, e.g. a failed attempt counted before the outcome was known. */
  async reward(policy: ThrottlePolicy, key: string, points = 1): Promise<void> {
    if (policy.points === 0) return;
    await this.limiter(policy).reward(key, points).catch(() => undefined);
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.redis.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }

  private limiter(policy: ThrottlePolicy): RateLimiterRedis {
    const cacheKey = `${policy.name}:${policy.points}:${policy.durationSeconds}`;
    let limiter = this.limiters.get(cacheKey);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${this.keyPrefix}rl:${policy.name}`,
        points: policy.points,
        duration: policy.durationSeconds,
        insuranceLimiter: new RateLimiterMemory({ points: policy.points, duration: policy.durationSeconds }),
      });
      this.limiters.set(cacheKey, limiter);
    }
    return limiter;
  }
}

function stateOf(policy: ThrottlePolicy, result: RateLimiterRes): ThrottleState {
  return { limit: policy.points, remaining: Math.max(0, result.remainingPoints), resetSeconds: Math.ceil(result.msBeforeNext / 1000) };
}
