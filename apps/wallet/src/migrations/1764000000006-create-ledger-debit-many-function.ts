import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Many debits in one transaction: group commit. Every debit of a tenant's wallet takes that wallet's
 * row lock until its transaction commits, so one wallet takes debits one commit (one WAL flush) at a
 * time, a few hundred a second on an ordinary disk, however many orders are waiting. Debits that
 * arrive together share one commit here instead.
 *
 * Each debit is what `ledger_debit` does, all or nothing on its own, but in an order that needs no
 * subtransaction (a subtransaction per debit made every later visit of the wallet's row slower): a key
 * already used is a replay; a refusal (INSUFFICIENT_FUNDS, WALLET_NOT_FOUND) is found by the
 * conditional UPDATE before anything of that debit is written, and answered in its row; only then are
 * the transfer and its entries written. A key that another transaction is writing at that moment
 * (found at the transfer's insert) fails the whole call, which leaves nothing behind; the caller then
 * sends the debits one by one through `ledger_debit`, which waits for that transaction. A refusal is
 * provisional for the same reason: the key was looked for without waiting for a transaction writing
 * it, so the caller decides every refused debit again through `ledger_debit`. The rows come back
 * numbered as the arrays were (`n`, from 1).
 */
export class CreateLedgerDebitManyFunction1764000000006 implements MigrationInterface {
  name = 'CreateLedgerDebitManyFunction1764000000006';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION ledger_debit_many(
        p_keys text[], p_hashes text[], p_owners uuid[], p_modes text[], p_currencies text[], p_amounts bigint[],
        p_order_ids text[], p_descriptions text[], p_counter_accounts uuid[]
      ) RETURNS TABLE (n integer, outcome text, transfer_id uuid, balance_after bigint, created_at timestamptz)
      LANGUAGE plpgsql AS $$
      DECLARE
        i integer;
        v_transfer uuid;
        v_created timestamptz;
        v_wallet uuid;
        v_balance bigint;
      BEGIN
        FOR i IN 1 .. coalesce(array_length(p_keys, 1), 0) LOOP
          IF EXISTS (SELECT 1 FROM transfers t WHERE t.idempotency_key = p_keys[i]) THEN
            RETURN QUERY SELECT i, 'replay'::text, NULL::uuid, NULL::bigint, NULL::timestamptz;
            CONTINUE;
          END IF;
          v_wallet := NULL;
          UPDATE ledger_accounts a SET balance = a.balance - p_amounts[i], updated_at = now()
           WHERE a.kind = 'wallet' AND a.owner_account_id = p_owners[i] AND a.currency = p_currencies[i] AND a.mode = p_modes[i]
             AND a.balance >= p_amounts[i]
          RETURNING a.id, a.balance INTO v_wallet, v_balance;
          IF v_wallet IS NULL THEN
            IF EXISTS (SELECT 1 FROM ledger_accounts a WHERE a.kind = 'wallet' AND a.owner_account_id = p_owners[i] AND a.currency = p_currencies[i] AND a.mode = p_modes[i]) THEN
              RETURN QUERY SELECT i, 'INSUFFICIENT_FUNDS'::text, NULL::uuid, NULL::bigint, NULL::timestamptz;
            ELSE
              RETURN QUERY SELECT i, 'WALLET_NOT_FOUND'::text, NULL::uuid, NULL::bigint, NULL::timestamptz;
            END IF;
            CONTINUE;
          END IF;
          v_transfer := NULL;
          INSERT INTO transfers (idempotency_key, request_hash, kind, owner_account_id, mode, currency, amount, order_id, description)
          VALUES (p_keys[i], p_hashes[i], 'debit', p_owners[i], p_modes[i], p_currencies[i], p_amounts[i], p_order_ids[i], p_descriptions[i])
          ON CONFLICT DO NOTHING
          RETURNING transfers.id, transfers.created_at INTO v_transfer, v_created;
          IF v_transfer IS NULL THEN
            RAISE EXCEPTION 'debit key % is being written by another transaction', p_keys[i] USING ERRCODE = 'unique_violation';
          END IF;
          INSERT INTO ledger_entries (transfer_id, ledger_account_id, amount, balance_after)
          VALUES (v_transfer, v_wallet, -p_amounts[i], v_balance), (v_transfer, p_counter_accounts[i], p_amounts[i], NULL);
          RETURN QUERY SELECT i, 'debited'::text, v_transfer, v_balance, v_created;
        END LOOP;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION ledger_debit_many');
  }
}
