import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Top-ups are paged newest first by a position that only grows: page cursors are digits, and a uuid
 * is not. Top-ups made before this are numbered in the order they were made.
 */
export class NumberTopUps1764000000005 implements MigrationInterface {
  name = 'NumberTopUps1764000000005';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE topups ADD COLUMN seq bigint`);
    await db.query(`UPDATE topups t SET seq = n.seq FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS seq FROM topups) n WHERE n.id = t.id`);
    await db.query(`CREATE SEQUENCE topups_seq_seq OWNED BY topups.seq`);
    await db.query(`SELECT setval('topups_seq_seq', coalesce(max(seq), 0) + 1, false) FROM topups`);
    await db.query(`ALTER TABLE topups ALTER COLUMN seq SET DEFAULT nextval('topups_seq_seq'), ALTER COLUMN seq SET NOT NULL`);
    await db.query(`CREATE INDEX topups_owner_seq ON topups (owner_account_id, mode, seq DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE topups DROP COLUMN seq');
  }
}
