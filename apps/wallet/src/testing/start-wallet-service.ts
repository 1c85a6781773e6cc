import type { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createRpcClient, createServiceApp, loadConfig, type RpcClient } from '@airtime/platform';
import { createTestDatabase, type TestDatabase } from '@airtime/platform/testing';
import { AppModule } from '../app.module.js';
import { WalletConfig } from '../config/wallet.config.js';

export interface RunningWallet {
  app: INestMicroservice;
  rpc: RpcClient;
  db: DataSource;
  stop(): Promise<void>;
}

/**
 * The real wallet service on real NATS and PostgreSQL: a database of its own and the test file's own
 * subject prefix, migrated exactly as in production.
 */
export async function startWalletService(env: Record<string, string> = {}): Promise<RunningWallet> {
  const database: TestDatabase = await createTestDatabase('wallet');
  const config = loadConfig(WalletConfig, { ...process.env, DATABASE_URL: database.url, SHUTDOWN_GRACE_MS: '0', ...env });
  const app = await createServiceApp(AppModule.register(config), 'wallet', config);
  await app.listen();
  const rpc = createRpcClient(config.NATS_URL, 'wallet-test', 20_000);
  const db = app.get(DataSource);
  return {
    app,
    rpc,
    db,
    async stop() {
      await rpc.close();
      await app.close();
      await database.drop();
    },
  };
}
