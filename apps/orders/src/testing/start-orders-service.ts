import type { INestMicroservice } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type DispatchOutcome, Rpc, type TransferView } from '@airtime/contracts';
import { createRpcClient, createServiceApp, loadConfig, type RpcClient } from '@airtime/platform';
import { createTestDatabase, FakePeers, type TestDatabase } from '@airtime/platform/testing';
import { AppModule } from '../app.module.js';
import { OrdersConfig } from '../config/orders.config.js';
import type { InternalOrderStatus, OrderRow } from '../orders/order-row.js';
import { OrderStore } from '../orders/order-store.js';

export interface RunningOrders {
  app: INestMicroservice;
  db: DataSource;
  /** wallet and provider-adapters, answering as each test sets them up. */
  peers: FakePeers;
  /** A client of the service's own subjects, as the gateway calls it (validation included). */
  rpc: RpcClient;
  stop(): Promise<void>;
}

/**
 * The real orders service on real NATS and PostgreSQL (a database of its own, migrated as in
 * production, and the test file's own subject prefix); its peers are fakes the test drives. The
 * reconciler does not run by itself: tests run it.
 */
export async function startOrdersService(env: Record<string, string> = {}): Promise<RunningOrders> {
  const database: TestDatabase = await createTestDatabase('orders');
  const config = loadConfig(OrdersConfig, {
    ...process.env, DATABASE_URL: database.url, SHUTDOWN_GRACE_MS: '0', RECONCILE_INTERVAL_SECONDS: '0', BULK_RUN_INTERVAL_MS: '0',
    DISPATCH_TIMEOUT_MS: '2000', WALLET_TIMEOUT_MS: '2000', ORDER_WAIT_MS: '5000', CAMPAIGN_SECRET_KEY: 'c'.repeat(40), ...env,
  });
  const peers = new FakePeers([Rpc.wallet.debit, Rpc.wallet.refund, Rpc.providerAdapters.dispatch, Rpc.providerAdapters.query]);
  await peers.start(config.NATS_URL);
  const app = await createServiceApp(AppModule.register(config), 'orders', config);
  await app.listen();
  const rpc = createRpcClient(config.NATS_URL, 'orders-test', 10_000);
  return {
    app,
    db: app.get(DataSource),
    peers,
    rpc,
    async stop() {
      // A flush of the outbox that starts while the database closes never settles (and app.close waits
      // for it), so the service stops only once every event it wrote is published.
      for (let tries = 0; tries < 50 && (await unpublished(app.get(DataSource))) > 0; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
      await rpc.close();
      await app.close();
      await peers.stop();
      await database.drop();
    },
  };
}

async function unpublished(db: DataSource): Promise<number> {
  return Number(((await db.query(`SELECT count(*) AS n FROM order_events WHERE published_at IS NULL`)) as { n: string }[])[0]?.n);
}

/** wallet answering a debit or a refund as the real one does when it moves the money. */
export function transferFor(payload: Record<string, unknown>, kind: 'debit' | 'refund' = 'debit'): TransferView {
  return {
    id: randomUUID(), idempotency_key: String(payload['idempotency_key']), kind, account_id: String(payload['account_id']),
    mode: 'live', currency: 'USD', amount_minor: String(payload['amount_minor'] ?? '0'), balance_after_minor: '0',
    order_id: (payload['order_id'] as string | undefined) ?? null, refund_of: null, reason: null, actor: null, created_at: new Date().toISOString(),
  };
}

/** provider-adapters answering a dispatch or a query. */
export function outcome(payload: Record<string, unknown>, status: DispatchOutcome['status'], extra: Partial<DispatchOutcome> = {}): DispatchOutcome {
  return { reference: String(payload['reference']), status, provider_ref: null, ...extra };
}

/** An Econet USD airtime order as a tenant would place it (product 100). */
export function econetOrder(overrides: Record<string, unknown> = {}) {
  return { account_id: randomUUID(), mode: 'live' as const, agent_reference: `ref-${randomUUID()}`, product_id: 100, target: '0772279099', amount: '2', ...overrides };
}

/** An order row as it stands, read straight from the table. */
export async function orderRow(db: DataSource, id: string): Promise<OrderRow> {
  const [row] = (await db.query(`SELECT * FROM orders WHERE id = $1`, [id])) as OrderRow[];
  if (!row) throw new Error(`no order ${id}`);
  return row;
}

/** The statuses published for an order, oldest first (its outbox). */
export async function eventsOf(db: DataSource, id: string): Promise<string[]> {
  const found = (await db.query(`SELECT status FROM order_events WHERE order_id = $1 ORDER BY id`, [id])) as { status: string }[];
  return found.map((e) => e.status);
}


/**
 * An order of product 100 put straight into `status`, unleased, last moved `idleSeconds` ago and
 * created `ageSeconds` ago: what the reconciler or a late callback finds.
 */
export async function seedOrder(
  orders: RunningOrders,
  status: InternalOrderStatus,
  options: { idleSeconds?: number; ageSeconds?: number; upstream?: string; accountId?: string; changes?: Partial<OrderRow> } = {},
): Promise<OrderRow> {
  const inserted = await orders.app.get(OrderStore).insert({
    account_id: options.accountId ?? randomUUID(), mode: 'live', agent_reference: `seed-${randomUUID()}`, request_hash: '0'.repeat(64), product_id: 100,
    kind: 'airtime', country: 'ZW', network: 'econet', upstream: 'omega', upstream_product: null, target: '263772279099', currency: 'USD',
    amount_minor: 200n, custom_sms: null, batch_id: null,
  }, 60);
  if (!inserted) throw new Error('seed order not inserted');
  const changes = { ...options.changes, ...(options.upstream ? { upstream: options.upstream } : {}) };
  const columns = Object.keys(changes);
  await orders.db.query(
    `UPDATE orders SET status = $2, lease_until = NULL, updated_at = now() - make_interval(secs => $3), created_at = now() - make_interval(secs => $4)
       ${columns.map((c, i) => `, ${c} = $${i + 5}`).join('')} WHERE id = $1`,
    [inserted.id, status, options.idleSeconds ?? 0, options.ageSeconds ?? options.idleSeconds ?? 0, ...Object.values(changes)],
  );
  return orderRow(orders.db, inserted.id);
}
