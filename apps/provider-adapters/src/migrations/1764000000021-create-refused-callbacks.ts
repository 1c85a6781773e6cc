import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Callbacks refused, counted per upstream and reason: a forged or unconfirmed callback moves nothing,
 * so this table (and the warning logged with each) is how an operator sees someone trying.
 */
export class CreateRefusedCallbacks1764000000021 implements MigrationInterface {
  name = 'CreateRefusedCallbacks1764000000021';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE refused_callbacks (
        upstream text NOT NULL,
        reason text NOT NULL,
        count bigint NOT NULL DEFAULT 0,
        first_refused_at timestamptz NOT NULL DEFAULT now(),
        last_refused_at timestamptz NOT NULL DEFAULT now(),
        last_reference text,
        PRIMARY KEY (upstream, reason)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE refused_callbacks');
  }
}
