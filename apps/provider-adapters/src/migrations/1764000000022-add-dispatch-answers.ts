import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each send's answer was and how long it took, for the upstreams' health (operators'
 * provider-adapters.upstreams.health): counted over a window of answers, so indexed by when answered;
 * the last "insufficient balance" is looked up at any age, so those answers have an index of their own.
 */
export class AddDispatchAnswers1764000000022 implements MigrationInterface {
  name = 'AddDispatchAnswers1764000000022';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE dispatches
        ADD COLUMN error_code text,
        ADD COLUMN upstream_code text,
        ADD COLUMN latency_ms integer,
        ADD COLUMN answered_at timestamptz`);
    await db.query(`CREATE INDEX dispatches_answered_at ON dispatches (answered_at) WHERE answered_at IS NOT NULL`);
    await db.query(`CREATE INDEX dispatches_insufficient_balance ON dispatches (upstream, mode, answered_at) WHERE error_code = 'INSUFFICIENT_UPSTREAM_BALANCE'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX dispatches_insufficient_balance');
    await db.query('DROP INDEX dispatches_answered_at');
    await db.query('ALTER TABLE dispatches DROP COLUMN answered_at, DROP COLUMN latency_ms, DROP COLUMN upstream_code, DROP COLUMN error_code');
  }
}
