import type { INestMicroservice } from '@nestjs/common';
import { createRpcClient, createServiceApp, loadConfig, type RpcClient } from '@airtime/platform';
import { createTestDatabase, type TestDatabase } from '@airtime/platform/testing';
import { AppModule } from '../app.module.js';
import { ProviderAdaptersConfig } from '../config/provider-adapters.config.js';

export interface RunningProviderAdapters {
  app: INestMicroservice;
  rpc: RpcClient;
  stop(): Promise<void>;
}

/**
 * The real provider-adapters service on real NATS and PostgreSQL: a database of its own (it migrates
 * its schema at start) and the test file's own subject prefix.
 */
export async function startProviderAdaptersService(env: Record<string, string> = {}): Promise<RunningProviderAdapters> {
  const database: TestDatabase = await createTestDatabase('provider_adapters');
  const config = loadConfig(ProviderAdaptersConfig, { ...process.env, DATABASE_URL: database.url, SHUTDOWN_GRACE_MS: '0', ...env });
  const app = await createServiceApp(AppModule.register(config), 'provider-adapters', config);
  await app.listen();
  const rpc = createRpcClient(config.NATS_URL, 'provider-adapters-test', 20_000);
  return {
    app,
    rpc,
    async stop() {
      await rpc.close();
      await app.close();
      await database.drop();
    },
  };
}
