import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBatches1764000000013 implements MigrationInterface {
  name = 'CreateBatches1764000000013';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE batches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL,
        mode varchar(4) NOT NULL,
        items jsonb NOT NULL,
        total_count int NOT NULL,
        refused_count int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`ALTER TABLE orders ADD COLUMN batch_id uuid REFERENCES batches (id)`);
    await db.query(`CREATE INDEX orders_batch ON orders (batch_id) WHERE batch_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE orders DROP COLUMN batch_id');
    await db.query('DROP TABLE batches');
  }
}
