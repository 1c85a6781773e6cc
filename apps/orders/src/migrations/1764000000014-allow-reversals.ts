import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A success its upstream later reverses (eStoreSMS's Reversed) is refunded exactly once: it moves to
 * reversing, and to reversed once wallet confirms the refund.
 */
export class AllowReversals1764000000014 implements MigrationInterface {
  name = 'AllowReversals1764000000014';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE orders DROP CONSTRAINT orders_status_check`);
    await db.query(`
      ALTER TABLE orders ADD CONSTRAINT orders_status_check
        CHECK (status IN ('created', 'debited', 'dispatching', 'success', 'failed', 'refunded', 'unknown', 'rejected', 'reversing', 'reversed'))`);
    await db.query(`DROP INDEX orders_open`);
    await db.query(`CREATE INDEX orders_open ON orders (updated_at) WHERE status IN ('created', 'debited', 'dispatching', 'unknown', 'failed', 'reversing')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE orders DROP CONSTRAINT orders_status_check`);
    await db.query(`
      ALTER TABLE orders ADD CONSTRAINT orders_status_check
        CHECK (status IN ('created', 'debited', 'dispatching', 'success', 'failed', 'refunded', 'unknown', 'rejected'))`);
  }
}
