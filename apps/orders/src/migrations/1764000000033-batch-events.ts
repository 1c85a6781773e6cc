import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A bulk batch's completion is announced through the orders outbox too: an event of a batch, not an order. */
export class BatchEvents1764000000033 implements MigrationInterface {
  name = 'BatchEvents1764000000033';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE order_events ALTER COLUMN order_id DROP NOT NULL, ADD COLUMN batch_id uuid REFERENCES batches (id)`);
    await db.query(`ALTER TABLE order_events ADD CONSTRAINT order_events_subject CHECK ((order_id IS NULL) <> (batch_id IS NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM order_events WHERE order_id IS NULL`);
    await db.query(`ALTER TABLE order_events DROP CONSTRAINT order_events_subject, DROP COLUMN batch_id, ALTER COLUMN order_id SET NOT NULL`);
  }
}
