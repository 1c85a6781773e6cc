import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCampaigns1764000000030 implements MigrationInterface {
  name = 'CreateCampaigns1764000000030';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE campaigns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial UNIQUE,
        account_id uuid NOT NULL,
        mode varchar(4) NOT NULL,
        name varchar(100) NOT NULL,
        product_id int NOT NULL,
        currency varchar(3) NOT NULL,
        amount_minor bigint,
        min_minor bigint,
        max_minor bigint,
        budget_minor bigint NOT NULL CHECK (budget_minor > 0),
        ends_at timestamptz,
        one_per_phone boolean NOT NULL,
        paused boolean NOT NULL DEFAULT false,
        secret_sealed text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((amount_minor IS NOT NULL) <> (min_minor IS NOT NULL AND max_minor IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX campaigns_account ON campaigns (account_id, mode, seq)`);
    // The completion is the idempotency key: a concurrent duplicate that slips past the row lock's
    // re-read still cannot make a second payout.
    await db.query(`
      CREATE TABLE campaign_payouts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial UNIQUE,
        campaign_id uuid NOT NULL REFERENCES campaigns (id),
        completion_id varchar(100) NOT NULL,
        phone varchar(20) NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        agent_reference varchar(100) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (campaign_id, completion_id)
      )`);
    await db.query(`CREATE INDEX campaign_payouts_phone ON campaign_payouts (campaign_id, phone)`);
    await db.query(`CREATE INDEX campaign_payouts_seq ON campaign_payouts (campaign_id, seq)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE campaign_payouts');
    await db.query('DROP TABLE campaigns');
  }
}
