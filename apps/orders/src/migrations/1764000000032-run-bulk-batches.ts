import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A sheet's batch keeps its rows (not a JSON blob): each is claimed with a lease before it becomes an
 * order, so any replica can pick up a batch another left half-run, and never the same row twice.
 */
export class RunBulkBatches1764000000032 implements MigrationInterface {
  name = 'RunBulkBatches1764000000032';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE batches
        ADD COLUMN batch_reference text,
        ADD COLUMN preview_id uuid UNIQUE,
        ADD COLUMN status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'cancelled', 'completed')),
        ADD COLUMN completed_at timestamptz`);
    await db.query(`CREATE UNIQUE INDEX batches_reference ON batches (account_id, mode, batch_reference) WHERE batch_reference IS NOT NULL`);
    await db.query(`
      CREATE TABLE batch_rows (
        batch_id uuid NOT NULL REFERENCES batches (id),
        row int NOT NULL,
        target text NOT NULL,
        amount text NOT NULL,
        product_id int,
        agent_reference text NOT NULL,
        custom_sms text,
        status text NOT NULL CHECK (status IN ('queued', 'dispatched', 'refused', 'skipped', 'invalid')),
        error text,
        order_id uuid REFERENCES orders (id),
        lease_until timestamptz,
        PRIMARY KEY (batch_id, row)
      )`);
    await db.query(`CREATE INDEX batch_rows_queued ON batch_rows (batch_id, row) WHERE status = 'queued'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE batch_rows');
    await db.query('ALTER TABLE batches DROP COLUMN batch_reference, DROP COLUMN preview_id, DROP COLUMN status, DROP COLUMN completed_at');
  }
}
