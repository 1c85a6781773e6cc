import type { INestMicroservice } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Rpc } from '@airtime/contracts';
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

/** A live USD top-up of `amount` minor units, as wallet's top-ups make one. */
export async function fund(wallet: RunningWallet, account: string, amount: string): Promise<void> {
  await wallet.rpc.request(Rpc.wallet.credit, { idempotency_key: `fund:${randomUUID()}`, account_id: account, mode: 'live', currency: 'USD', amount_minor: amount, kind: 'topup', source: 'pesepay' });
}

/** The account's live USD balance in minor units, straight from the table (undefined: no wallet). */
export async function walletBalance(wallet: RunningWallet, account: string): Promise<string | undefined> {
  const [row] = (await wallet.db.query(`SELECT balance::text AS balance FROM ledger_accounts WHERE kind = 'wallet' AND owner_account_id = $1 AND currency = 'USD' AND mode = 'live'`, [account])) as { balance: string }[];
  return row?.balance;
}
