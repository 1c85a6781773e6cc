import type { INestMicroservice } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ApiKeyMode, WebhookDeliveryStatus } from '@airtime/contracts';
import { createRpcClient, createServiceApp, loadConfig, type RpcClient } from '@airtime/platform';
import { createTestDatabase, type TestDatabase } from '@airtime/platform/testing';
import { AppModule } from '../app.module.js';
import { NotificationsConfig } from '../config/notifications.config.js';

export interface RunningNotifications {
  app: INestMicroservice;
  db: DataSource;
  /** A client of the service's own subjects, as the gateway calls it (validation included). */
  rpc: RpcClient;
  stop(): Promise<void>;
}

/**
 * The real notifications service on real NATS and PostgreSQL (a database of its own, migrated as in
 * production, and the test file's own subject prefix).
 */
export async function startNotificationsService(env: Record<string, string> = {}): Promise<RunningNotifications> {
  // SmsModule reads its settings from the process's environment, not from this config.
  process.env['SMS_API_KEY'] ??= 'test-sms-api-key';
  const database: TestDatabase = await createTestDatabase('notifications');
  const config = loadConfig(NotificationsConfig, { ...process.env, DATABASE_URL: database.url, SHUTDOWN_GRACE_MS: '0', WEBHOOK_SECRET_KEY: 'k'.repeat(40), ...env });
  const app = await createServiceApp(AppModule.register(config), 'notifications', config);
  await app.listen();
  const rpc = createRpcClient(config.NATS_URL, 'notifications-test', 10_000);
  return {
    app,
    db: app.get(DataSource),
    rpc,
    async stop() {
      await rpc.close();
      await app.close();
      await database.drop();
    },
  };
}

/** A webhook endpoint row of the account's, straight into the table (its URL is never called). */
export async function seedEndpoint(service: RunningNotifications, accountId: string, mode: ApiKeyMode = 'live'): Promise<string> {
  const [row] = (await service.db.query(
    `INSERT INTO webhook_endpoints (account_id, mode, url, events, secret_sealed, secret_prefix) VALUES ($1, $2, 'https://receiver.example/hooks', '{order.success}', 'sealed', 'whsec_') RETURNING id`,
    [accountId, mode],
  )) as { id: string }[];
  return (row as { id: string }).id;
}

/**
 * A delivery of a new event to the endpoint in `status`, with `attempts` failed attempts; a pending
 * one is next due in an hour, so the dispatcher leaves it alone during a test.
 */
export async function seedDelivery(
  service: RunningNotifications,
  endpointId: string,
  status: WebhookDeliveryStatus,
  attempts = 0,
): Promise<{ id: string; seq: string }> {
  const [row] = (await service.db.query(
    `INSERT INTO webhook_deliveries (endpoint_id, account_id, mode, event_id, event_type, body, status, attempt_count, next_attempt_at)
     SELECT id, account_id, mode, $2, 'order.success', '{}', $3, $4, now() + interval '1 hour' FROM webhook_endpoints WHERE id = $1
     RETURNING id, seq::text AS seq`,
    [endpointId, randomUUID(), status, attempts],
  )) as { id: string; seq: string }[];
  const delivery = row as { id: string; seq: string };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    await service.db.query(`INSERT INTO webhook_attempts (delivery_id, attempt, status_code, error, duration_ms) VALUES ($1, $2, 500, NULL, $3)`, [delivery.id, attempt, 10 * attempt]);
  }
  return delivery;
}
