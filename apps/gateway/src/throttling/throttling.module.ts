import { Global, Logger, Module } from '@nestjs/common';
import { Redis } from 'ioredis';
import { GatewayConfig } from '../config/gateway.config.js';
import { RechargeLimitGuard } from './recharge-limit.guard.js';
import { REDIS_CLIENT, REDIS_KEY_PREFIX, Throttler } from './throttler.js';

/** Shared limits for every gateway replica, counted in Redis (see Throttler). */
@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [GatewayConfig],
      useFactory: (config: GatewayConfig) => {
        const logger = new Logger('Redis');
        // No offline queue: while Redis is away a limit is counted in memory at once, not held up.
        const redis = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
        let reported = false;
        redis.on('error', (error: Error) => {
          if (!reported) logger.warn(`Redis unavailable, limits counted per replica until it answers: ${error.message}`);
          reported = true;
        });
        redis.on('ready', () => (reported = false));
        return redis;
      },
    },
    { provide: REDIS_KEY_PREFIX, inject: [GatewayConfig], useFactory: (config: GatewayConfig) => config.redisKeyPrefix() },
    Throttler,
    RechargeLimitGuard,
  ],
  exports: [Throttler, RechargeLimitGuard],
})
export class ThrottlingModule {}
