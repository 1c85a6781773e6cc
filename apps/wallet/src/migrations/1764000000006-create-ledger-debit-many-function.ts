import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Many debits in one transaction: group commit. Every debit of a tenant's wallet takes that wallet's
 * row lock until its transaction commits, so one wallet takes debits one commit (one WAL flush) at a
 * time, a few hundred a second on an ordinary disk, however many orders are waiting. Debits that
 * arrive together share one commit here instead.
 *
 * Each debit is still `ledger_debit`, all or nothing on its own: it runs in a subtransaction, so a
 * refusal (INSUFFICIENT_FUNDS, WALLET_NOT_FOUND) undoes that debit alone and is answered in its row,
 * and the others go on. The rows come back numbered as the arrays were (`n`, from 1). A failure of
 * the whole call (the ledger's deferred checks at commit) leaves nothing behind; the caller then
 * sends the debits one by one.
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
        d record;
      BEGIN
        FOR i IN 1 .. coalesce(array_length(p_keys, 1), 0) LOOP
          BEGIN
            SELECT * INTO d FROM ledger_debit(p_keys[i], p_hashes[i], p_owners[i], p_modes[i], p_currencies[i], p_amounts[i],
                                              p_order_ids[i], p_descriptions[i], p_counter_accounts[i]);
            RETURN QUERY SELECT i, d.outcome, d.transfer_id, d.balance_after, d.created_at;
          EXCEPTION WHEN raise_exception THEN
            RETURN QUERY SELECT i, SQLERRM, NULL::uuid, NULL::bigint, NULL::timestamptz;
          END;
        END LOOP;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION ledger_debit_many');
  }
}
