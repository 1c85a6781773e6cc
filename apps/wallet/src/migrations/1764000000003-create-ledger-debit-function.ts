import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The debit, an order's hot path, as one server-side function: one round trip instead of five, in
 * the caller's implicit transaction. It does exactly what the TypeScript transfers do (transfer row
 * first as the idempotency lock, conditional UPDATE holding the wallet's row lock, both entries);
 * the ledger's triggers check it all the same.
 */
export class CreateLedgerDebitFunction1764000000003 implements MigrationInterface {
  name = 'CreateLedgerDebitFunction1764000000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION ledger_debit(
        p_key text, p_hash text, p_owner uuid, p_mode text, p_currency text, p_amount bigint,
        p_order_id text, p_description text, p_counter_account uuid
      ) RETURNS TABLE (outcome text, transfer_id uuid, balance_after bigint, created_at timestamptz)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_transfer uuid;
        v_created timestamptz;
        v_wallet uuid;
        v_balance bigint;
      BEGIN
        INSERT INTO transfers (idempotency_key, request_hash, kind, owner_account_id, mode, currency, amount, order_id, description)
        VALUES (p_key, p_hash, 'debit', p_owner, p_mode, p_currency, p_amount, p_order_id, p_description)
        ON CONFLICT DO NOTHING
        RETURNING id, transfers.created_at INTO v_transfer, v_created;
        IF v_transfer IS NULL THEN
          RETURN QUERY SELECT 'replay'::text, NULL::uuid, NULL::bigint, NULL::timestamptz;
          RETURN;
        END IF;

        UPDATE ledger_accounts SET balance = balance - p_amount, updated_at = now()
         WHERE kind = 'wallet' AND owner_account_id = p_owner AND currency = p_currency AND mode = p_mode AND balance >= p_amount
        RETURNING id, balance INTO v_wallet, v_balance;
        IF v_wallet IS NULL THEN
          -- Raising undoes the transfer row too: a refused debit leaves nothing behind.
          IF EXISTS (SELECT 1 FROM ledger_accounts WHERE kind = 'wallet' AND owner_account_id = p_owner AND currency = p_currency AND mode = p_mode) THEN
            RAISE EXCEPTION 'INSUFFICIENT_FUNDS' USING ERRCODE = 'P0001';
          END IF;
          RAISE EXCEPTION 'WALLET_NOT_FOUND' USING ERRCODE = 'P0001';
        END IF;

        INSERT INTO ledger_entries (transfer_id, ledger_account_id, amount, balance_after)
        VALUES (v_transfer, v_wallet, -p_amount, v_balance), (v_transfer, p_counter_account, p_amount, NULL);
        RETURN QUERY SELECT 'debited'::text, v_transfer, v_balance, v_created;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION ledger_debit');
  }
}
