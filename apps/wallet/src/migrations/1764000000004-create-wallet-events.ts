import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox of wallet events. Balance changes are written by a trigger on the wallet's ledger entry,
 * so every path that moves money (the debit function, refunds, credits) announces it in the same
 * transaction, and none can forget to.
 */
export class CreateWalletEvents1764000000004 implements MigrationInterface {
  name = 'CreateWalletEvents1764000000004';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE wallet_events (
        id bigserial PRIMARY KEY,
        event_id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
        account_id uuid NOT NULL,
        type text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await db.query(`CREATE INDEX wallet_events_unpublished ON wallet_events (id) WHERE published_at IS NULL`);
    await db.query(`
      CREATE FUNCTION wallet_balance_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        wallet ledger_accounts%ROWTYPE;
        transfer_kind text;
      BEGIN
        IF NEW.balance_after IS NULL THEN RETURN NULL; END IF;
        SELECT * INTO wallet FROM ledger_accounts WHERE id = NEW.ledger_account_id;
        SELECT kind INTO transfer_kind FROM transfers WHERE id = NEW.transfer_id;
        INSERT INTO wallet_events (account_id, type, payload) VALUES (
          wallet.owner_account_id, 'wallet.balance_changed',
          jsonb_build_object(
            'type', 'wallet.balance_changed', 'occurred_at', now(), 'account_id', wallet.owner_account_id, 'mode', wallet.mode,
            'balance_change', jsonb_build_object('currency', wallet.currency, 'balance_minor', NEW.balance_after::text,
              'amount_minor', NEW.amount::text, 'kind', transfer_kind, 'transfer_id', NEW.transfer_id)));
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER ledger_entries_announce AFTER INSERT ON ledger_entries FOR EACH ROW EXECUTE FUNCTION wallet_balance_changed()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TRIGGER ledger_entries_announce ON ledger_entries');
    await db.query('DROP FUNCTION wallet_balance_changed');
    await db.query('DROP TABLE wallet_events');
  }
}
