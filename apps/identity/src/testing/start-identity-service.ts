import type { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createRpcClient, createServiceApp, loadConfig, type RpcClient } from '@airtime/platform';
import { createTestDatabase, type TestDatabase } from '@airtime/platform/testing';
import { AppModule } from '../app.module.js';
import { IdentityConfig } from '../config/identity.config.js';

export interface RunningIdentity {
  app: INestMicroservice;
  rpc: RpcClient;
  db: DataSource;
  config: IdentityConfig;
  stop(): Promise<void>;
}

/** The real identity service on real NATS and PostgreSQL, on a database of its own, migrated as in production. */
export async function startIdentityService(env: Record<string, string> = {}): Promise<RunningIdentity> {
  const database: TestDatabase = await createTestDatabase('identity');
  const config = loadConfig(IdentityConfig, { ...process.env, NODE_ENV: 'test', JWT_SECRET: 'identity-test-secret-of-at-least-32-chars', DATABASE_URL: database.url, SHUTDOWN_GRACE_MS: '0', LOG_LEVEL: 'error', ...env });
  const app = await createServiceApp(AppModule.register(config), 'identity', config);
  await app.listen();
  const rpc = createRpcClient(config.NATS_URL, 'identity-test', 20_000);
  return {
    app,
    rpc,
    db: app.get(DataSource),
    config: app.get(IdentityConfig),
    async stop() {
      await rpc.close();
      await app.close();
      await database.drop();
    },
  };
}
