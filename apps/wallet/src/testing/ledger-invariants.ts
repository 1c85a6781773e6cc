import type { DataSource } from 'typeorm';

/**
 * Checks design.md's ledger invariants straight from the tables and returns every violation found
 * (an empty list when the ledger is sound).
 */
export async function ledgerViolations(db: DataSource): Promise<string[]> {
  const problems: string[] = [];
  const unbalanced = await db.query(`SELECT transfer_id, sum(amount)::text AS total FROM ledger_entries GROUP BY transfer_id HAVING sum(amount) <> 0`);
  for (const t of unbalanced) problems.push(`transfer ${t.transfer_id} sums to ${t.total}`);

  const drifted = await db.query(`
    SELECT a.id, a.balance::text AS stored, coalesce(sum(e.amount), 0)::text AS recomputed
      FROM ledger_accounts a LEFT JOIN ledger_entries e ON e.ledger_account_id = a.id
     WHERE a.kind = 'wallet' GROUP BY a.id HAVING a.balance <> coalesce(sum(e.amount), 0)`);
  for (const w of drifted) problems.push(`wallet ${w.id} stores ${w.stored} but its entries sum to ${w.recomputed}`);

  const negative = await db.query(`SELECT id FROM ledger_accounts WHERE kind = 'wallet' AND balance < 0`);
  for (const w of negative) problems.push(`wallet ${w.id} is below zero`);

  const overRefunded = await db.query(`
    SELECT d.id FROM transfers d JOIN transfers r ON r.refund_of = d.id
     GROUP BY d.id, d.amount HAVING count(*) > 1 OR sum(r.amount) > d.amount`);
  for (const d of overRefunded) problems.push(`debit ${d.id} refunded more than once or more than debited`);

  const orphans = await db.query(`SELECT t.id FROM transfers t WHERE NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.transfer_id = t.id)`);
  for (const t of orphans) problems.push(`transfer ${t.id} has no entries`);
  return problems;
}
