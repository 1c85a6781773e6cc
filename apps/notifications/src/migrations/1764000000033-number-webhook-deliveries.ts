import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deliveries are paged newest first by a position that only grows: page cursors are digits, and a
 * uuid is not. Deliveries made before this are numbered in the order they were made.
 */
export class NumberWebhookDeliveries1764000000033 implements MigrationInterface {
  name = 'NumberWebhookDeliveries1764000000033';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE webhook_deliveries ADD COLUMN seq bigint`);
    await db.query(`UPDATE webhook_deliveries d SET seq = n.seq FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS seq FROM webhook_deliveries) n WHERE n.id = d.id`);
    await db.query(`CREATE SEQUENCE webhook_deliveries_seq_seq OWNED BY webhook_deliveries.seq`);
    await db.query(`SELECT setval('webhook_deliveries_seq_seq', coalesce(max(seq), 0) + 1, false) FROM webhook_deliveries`);
    await db.query(`ALTER TABLE webhook_deliveries ALTER COLUMN seq SET DEFAULT nextval('webhook_deliveries_seq_seq'), ALTER COLUMN seq SET NOT NULL`);
    await db.query(`CREATE INDEX webhook_deliveries_account_seq ON webhook_deliveries (account_id, mode, seq DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE webhook_deliveries DROP COLUMN seq');
  }
}
