import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Batches are paged like orders, by a position that only grows: page cursors are digits, and a uuid
 * is not. Batches made before this are numbered in the order they were made.
 */
export class NumberBatches1764000000015 implements MigrationInterface {
  name = 'NumberBatches1764000000015';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE batches ADD COLUMN seq bigint`);
    await db.query(`UPDATE batches b SET seq = n.seq FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS seq FROM batches) n WHERE n.id = b.id`);
    await db.query(`CREATE SEQUENCE batches_seq_seq OWNED BY batches.seq`);
    await db.query(`SELECT setval('batches_seq_seq', coalesce(max(seq), 0) + 1, false) FROM batches`);
    await db.query(`ALTER TABLE batches ALTER COLUMN seq SET DEFAULT nextval('batches_seq_seq'), ALTER COLUMN seq SET NOT NULL`);
    await db.query(`CREATE INDEX batches_account_seq ON batches (account_id, mode, seq DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE batches DROP COLUMN seq');
  }
}
