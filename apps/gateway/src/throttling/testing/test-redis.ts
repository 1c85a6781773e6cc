import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** A spec's own connection to the machine's Redis, with a key prefix nobody else uses. */
export interface TestRedis {
  redis: Redis;
  prefix: string;
  /** Deletes this prefix's keys, disconnects, and says how many keys there were. */
  close(): Promise<number>;
}

/**
 * Connected before it is returned: a Throttler on a client still connecting would count in its
 * in-memory fallback, and the spec would not be testing Redis. Clients given the same prefix share
 * counts, as gateway replicas do.
 */
export async function connectTestRedis(prefix = `test${randomBytes(4).toString('hex')}.`): Promise<TestRedis> {
  const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
  redis.on('error', () => undefined);
  await redis.connect();
  return {
    redis,
    prefix,
    async close() {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
      return keys.length;
    },
  };
}
