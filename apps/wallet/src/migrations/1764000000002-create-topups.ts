import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Top-ups are the payment side's state machine; the money itself moves only through the ledger. */
export class CreateTopUps1764000000002 implements MigrationInterface {
  name = 'CreateTopUps1764000000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE topups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL CONSTRAINT topups_reference_key UNIQUE,
        owner_account_id uuid NOT NULL,
        mode varchar(4) NOT NULL CHECK (mode IN ('live', 'test')),
        currency char(3) NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        provider text NOT NULL,
        provider_reference text CONSTRAINT topups_provider_reference_key UNIQUE,
        redirect_url text,
        status text NOT NULL CHECK (status IN ('initiating', 'pending', 'paid', 'failed', 'cancelled', 'expired')),
        upstream_status text,
        credit_transfer_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        completed_at timestamptz,
        CONSTRAINT paid_topup_names_its_credit CHECK ((status = 'paid') = (credit_transfer_id IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX topups_open ON topups (expires_at) WHERE status IN ('initiating', 'pending')`);
    await db.query(`CREATE INDEX topups_owner ON topups (owner_account_id, created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE topups');
  }
}
