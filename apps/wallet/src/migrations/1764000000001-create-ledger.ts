import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger's rules live in the database, not only in code: transfers and entries are append-only,
 * every transfer balances at commit, a wallet never goes below zero, each entry continues its wallet's
 * running balance, and a debit has at most one refund.
 */
export class CreateLedger1764000000001 implements MigrationInterface {
  name = 'CreateLedger1764000000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE ledger_accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CONSTRAINT ledger_accounts_code_key UNIQUE,
        kind text NOT NULL CHECK (kind IN ('wallet', 'clearing', 'funding', 'adjustments')),
        owner_account_id uuid,
        currency char(3) NOT NULL,
        mode varchar(4) NOT NULL CHECK (mode IN ('live', 'test')),
        -- Wallets keep a running balance; the platform's own accounts are summed from their entries
        -- instead, so that every order in a currency does not queue on one hot row.
        balance bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT wallet_balance_not_negative CHECK (kind <> 'wallet' OR balance >= 0),
        CONSTRAINT platform_balance_derived CHECK (kind = 'wallet' OR balance = 0),
        CONSTRAINT wallet_has_owner CHECK ((kind = 'wallet') = (owner_account_id IS NOT NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX wallets_owner_currency_mode ON ledger_accounts (owner_account_id, currency, mode) WHERE kind = 'wallet'`);

    await db.query(`
      CREATE TABLE transfers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key text NOT NULL CONSTRAINT transfers_idempotency_key_key UNIQUE,
        request_hash char(64) NOT NULL,
        kind text NOT NULL CHECK (kind IN ('debit', 'refund', 'topup', 'adjustment')),
        owner_account_id uuid NOT NULL,
        mode varchar(4) NOT NULL CHECK (mode IN ('live', 'test')),
        currency char(3) NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        order_id text,
        refund_of uuid CONSTRAINT transfers_refund_of_key UNIQUE REFERENCES transfers (id),
        reason text,
        actor text,
        description text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT refund_names_its_debit CHECK ((kind = 'refund') = (refund_of IS NOT NULL)),
        CONSTRAINT adjustment_says_why_and_who CHECK (kind <> 'adjustment' OR (reason IS NOT NULL AND actor IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX transfers_owner_order ON transfers (owner_account_id, order_id) WHERE order_id IS NOT NULL`);

    await db.query(`
      CREATE TABLE ledger_entries (
        id bigserial PRIMARY KEY,
        transfer_id uuid NOT NULL REFERENCES transfers (id),
        ledger_account_id uuid NOT NULL REFERENCES ledger_accounts (id),
        amount bigint NOT NULL CHECK (amount <> 0),
        balance_after bigint,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX ledger_entries_account ON ledger_entries (ledger_account_id, id DESC)`);
    await db.query(`CREATE INDEX ledger_entries_transfer ON ledger_entries (transfer_id)`);

    await db.query(`
      CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
      END $$`);
    for (const table of ['transfers', 'ledger_entries']) {
      await db.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ledger_append_only()`);
      await db.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only()`);
    }

    // A wallet's entries form a chain: each balance_after is the previous one plus the amount. The
    // caller holds the wallet's row lock (it has just updated the balance), so the chain cannot fork.
    await db.query(`
      CREATE FUNCTION ledger_entry_continues_balance() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        account_kind text;
        previous bigint;
      BEGIN
        SELECT kind INTO account_kind FROM ledger_accounts WHERE id = NEW.ledger_account_id;
        IF account_kind <> 'wallet' THEN
          IF NEW.balance_after IS NOT NULL THEN
            RAISE EXCEPTION 'platform account entries carry no running balance';
          END IF;
          RETURN NEW;
        END IF;
        SELECT balance_after INTO previous FROM ledger_entries
         WHERE ledger_account_id = NEW.ledger_account_id ORDER BY id DESC LIMIT 1;
        IF NEW.balance_after IS DISTINCT FROM coalesce(previous, 0) + NEW.amount THEN
          RAISE EXCEPTION 'entry on wallet % breaks its running balance (% + % <> %)',
            NEW.ledger_account_id, coalesce(previous, 0), NEW.amount, NEW.balance_after;
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER ledger_entries_continue_balance BEFORE INSERT ON ledger_entries FOR EACH ROW EXECUTE FUNCTION ledger_entry_continues_balance()`);

    // At commit: the transfer's entries sum to zero, there are at least two, and a wallet's stored
    // balance is its last entry's balance_after.
    await db.query(`
      CREATE FUNCTION ledger_transfer_balances() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        total numeric;
        entries int;
        mismatched uuid;
      BEGIN
        SELECT coalesce(sum(amount), 0), count(*) INTO total, entries FROM ledger_entries WHERE transfer_id = NEW.transfer_id;
        IF total <> 0 OR entries < 2 THEN
          RAISE EXCEPTION 'transfer % does not balance (sum %, % entries)', NEW.transfer_id, total, entries;
        END IF;
        SELECT a.id INTO mismatched FROM ledger_accounts a
         WHERE a.id = NEW.ledger_account_id AND a.kind = 'wallet'
           AND a.balance IS DISTINCT FROM (SELECT balance_after FROM ledger_entries WHERE ledger_account_id = a.id ORDER BY id DESC LIMIT 1);
        IF mismatched IS NOT NULL THEN
          RAISE EXCEPTION 'wallet % balance differs from its ledger', mismatched;
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_transfer_balances()`);

    await db.query(`
      CREATE FUNCTION ledger_transfer_has_entries() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT count(*) FROM ledger_entries WHERE transfer_id = NEW.id) < 2 THEN
          RAISE EXCEPTION 'transfer % has no balanced entries', NEW.id;
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE CONSTRAINT TRIGGER transfers_have_entries AFTER INSERT ON transfers
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_transfer_has_entries()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE ledger_entries');
    await db.query('DROP TABLE transfers');
    await db.query('DROP TABLE ledger_accounts');
    await db.query('DROP FUNCTION ledger_transfer_has_entries, ledger_transfer_balances, ledger_entry_continues_balance, ledger_append_only');
  }
}
