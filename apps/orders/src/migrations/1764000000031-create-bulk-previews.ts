import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A bulk sheet's preview: its rows staged in chunks (a 10,000-row sheet is larger than one NATS
 * message), then checked in place; running it later reads them from here, never from the client again.
 */
export class CreateBulkPreviews1764000000031 implements MigrationInterface {
  name = 'CreateBulkPreviews1764000000031';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE bulk_previews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL,
        mode varchar(4) NOT NULL,
        status text NOT NULL DEFAULT 'staging' CHECK (status IN ('staging', 'checked')),
        row_count int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX bulk_previews_expiry ON bulk_previews (expires_at)`);
    await db.query(`
      CREATE TABLE bulk_preview_rows (
        preview_id uuid NOT NULL REFERENCES bulk_previews (id) ON DELETE CASCADE,
        row int NOT NULL,
        target text NOT NULL,
        amount text NOT NULL,
        product_id int,
        agent_reference text,
        custom_sms text,
        currency text,
        status text CHECK (status IN ('ok', 'warning', 'error')),
        -- What a checked row buys: the product chosen, the number as sent upstream, the exact amount.
        resolved_product_id int,
        msisdn text,
        amount_minor bigint,
        resolved_currency char(3),
        errors jsonb NOT NULL DEFAULT '[]',
        warnings jsonb NOT NULL DEFAULT '[]',
        PRIMARY KEY (preview_id, row)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE bulk_preview_rows');
    await db.query('DROP TABLE bulk_previews');
  }
}
