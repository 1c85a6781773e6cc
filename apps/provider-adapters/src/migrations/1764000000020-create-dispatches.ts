import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What was sent to which upstream, written before the call: callbacks are checked against it. */
export class CreateDispatches1764000000020 implements MigrationInterface {
  name = 'CreateDispatches1764000000020';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE dispatches (
        upstream text NOT NULL,
        reference text NOT NULL,
        mode varchar(4) NOT NULL,
        target text NOT NULL,
        currency char(3) NOT NULL,
        amount_minor bigint NOT NULL,
        provider_ref text,
        status text NOT NULL DEFAULT 'sending',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (upstream, reference)
      )`);
    await db.query(`CREATE INDEX dispatches_provider_ref ON dispatches (upstream, provider_ref) WHERE provider_ref IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE dispatches');
  }
}
