import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Test mode is a world of its own: an endpoint receives only its mode's events, a delivery and an SMS
 * carry the mode they were made in (a test SMS goes only to the sandbox). Endpoints that existed before
 * were managed by any key, so they stay live. A deleted endpoint's deliveries end as cancelled.
 */
export class SeparateModes1764000000032 implements MigrationInterface {
  name = 'SeparateModes1764000000032';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE webhook_endpoints ADD COLUMN mode text NOT NULL DEFAULT 'live' CHECK (mode IN ('live', 'test'))`);
    await db.query(`ALTER TABLE webhook_endpoints ALTER COLUMN mode DROP DEFAULT`);
    await db.query(`DROP INDEX webhook_endpoints_account`);
    await db.query(`CREATE INDEX webhook_endpoints_account ON webhook_endpoints (account_id, mode) WHERE deleted_at IS NULL`);
    await db.query(`ALTER TABLE webhook_deliveries ADD COLUMN mode text NOT NULL DEFAULT 'live' CHECK (mode IN ('live', 'test'))`);
    await db.query(`UPDATE webhook_deliveries d SET mode = e.mode FROM webhook_endpoints e WHERE e.id = d.endpoint_id`);
    await db.query(`ALTER TABLE webhook_deliveries ALTER COLUMN mode DROP DEFAULT`);
    await db.query(`ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_status_check`);
    await db.query(`ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_status_check CHECK (status IN ('pending', 'delivered', 'dead', 'cancelled'))`);
    await db.query(`UPDATE webhook_deliveries d SET status = 'cancelled' FROM webhook_endpoints e WHERE e.id = d.endpoint_id AND e.deleted_at IS NOT NULL AND d.status = 'pending'`);
    await db.query(`ALTER TABLE sms_messages ADD COLUMN mode text NOT NULL DEFAULT 'live' CHECK (mode IN ('live', 'test'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sms_messages DROP COLUMN mode`);
    await db.query(`UPDATE webhook_deliveries SET status = 'dead' WHERE status = 'cancelled'`);
    await db.query(`ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_status_check`);
    await db.query(`ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_status_check CHECK (status IN ('pending', 'delivered', 'dead'))`);
    await db.query(`ALTER TABLE webhook_deliveries DROP COLUMN mode`);
    await db.query(`DROP INDEX webhook_endpoints_account`);
    await db.query(`CREATE INDEX webhook_endpoints_account ON webhook_endpoints (account_id) WHERE deleted_at IS NULL`);
    await db.query(`ALTER TABLE webhook_endpoints DROP COLUMN mode`);
  }
}
