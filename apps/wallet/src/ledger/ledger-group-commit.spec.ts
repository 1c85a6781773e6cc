import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Rpc } from '@airtime/contracts';
import { pgPoolOf, type PlatformError } from '@airtime/platform';
import { ledgerViolations } from '../testing/ledger-invariants.js';
import { requestHash } from './request-hash.js';
import { fund, type RunningWallet, startWalletService, walletBalance } from '../testing/start-wallet-service.js';

// Debits that arrive together share one commit (ledger_debit_many), each still all or nothing and
// answered on its own. Real PostgreSQL and NATS; the batches are seen where they leave for PostgreSQL.
let wallet: RunningWallet;
beforeAll(async () => {
  wallet = await startWalletService();
});
afterAll(() => wallet.stop());
afterEach(() => jest.restoreAllMocks());

const settle = <T>(promise: Promise<T>) => promise.then((value) => ({ ok: true as const, value }), (error: PlatformError) => ({ ok: false as const, error }));
const debit = (account: string, key: string, amount = '1', currency = 'USD') =>
  settle(wallet.rpc.request(Rpc.wallet.debit, { idempotency_key: key, account_id: account, mode: 'live', currency, amount_minor: amount }));

/** How many debits went to PostgreSQL together, per ledger_debit_many call, and how many went alone. */
function watchDebitStatements() {
  const spy = jest.spyOn(pg.Pool.prototype, 'query');
  const texts = () => spy.mock.calls.map(([config]) => config as unknown as { text?: string; values?: unknown[][] });
  return {
    batches: () => texts().filter((c) => c.text?.includes('ledger_debit_many')).map((c) => (c.values?.[0] ?? []).length),
    alone: () => texts().filter((c) => c.text?.includes('ledger_debit(')).length,
  };
}

/** Until at least `n` of the wallet's statements (those naming `text`) wait for a lock. */
async function waitForWaiting(n: number, text = 'ledger'): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    const [{ waiting }] = (await wallet.db.query(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%' || $1 || '%'`,
      [text],
    )) as [{ waiting: number }];
    if (waiting >= n) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${n} statements naming ${text} never waited`);
}

async function transfersOf(account: string): Promise<number> {
  const [{ n }] = (await wallet.db.query(`SELECT count(*)::int AS n FROM transfers WHERE owner_account_id = $1 AND kind = 'debit'`, [account])) as [{ n: number }];
  return n;
}

describe('group commit of debits', () => {
  it('writes concurrent debits of one wallet in shared commits, every one of them exactly once', async () => {
    const account = randomUUID();
    await fund(wallet, account, '1000');
    const statements = watchDebitStatements();
    const results = await Promise.all(Array.from({ length: 120 }, (_, i) => debit(account, `gc:${account}:${i}`)));
    expect(results.every((r) => r.ok)).toBe(true);
    const batches = statements.batches();
    // Fewer commits than debits: the debits that waited went together (never more than 50 at once).
    expect(batches.length + statements.alone()).toBeLessThan(120);
    expect(Math.max(...batches)).toBeGreaterThan(1);
    expect(Math.max(...batches)).toBeLessThanOrEqual(50);
    expect(batches.reduce((a, b) => a + b, 0) + statements.alone()).toBe(120);
    expect(await walletBalance(wallet, account)).toBe('880');
    expect(await transfersOf(account)).toBe(120);
    // Balances continue entry by entry, in the order the debits took the wallet's lock.
    expect(await ledgerViolations(wallet.db)).toEqual([]);
  });

  it('refuses the debits a wallet cannot pay for alone, in the same batches as those it can', async () => {
    const account = randomUUID();
    await fund(wallet, account, '30');
    const statements = watchDebitStatements();
    const results = await Promise.all(Array.from({ length: 80 }, (_, i) => debit(account, `short:${account}:${i}`)));
    expect(results.filter((r) => r.ok)).toHaveLength(30);
    expect(new Set(results.flatMap((r) => (r.ok ? [] : [r.error.code])))).toEqual(new Set(['INSUFFICIENT_FUNDS']));
    expect(Math.max(...statements.batches())).toBeGreaterThan(1);
    // A refused debit leaves nothing behind, not even its transfer row.
    expect(await transfersOf(account)).toBe(30);
    expect(await walletBalance(wallet, account)).toBe('0');
    expect(await ledgerViolations(wallet.db)).toEqual([]);
  });

  it('answers a key repeated within a batch with the one transfer it made', async () => {
    const account = randomUUID();
    await fund(wallet, account, '1000');
    const results = await Promise.all([
      ...Array.from({ length: 20 }, () => debit(account, `same:${account}`, '7')),
      ...Array.from({ length: 20 }, (_, i) => debit(account, `other:${account}:${i}`)),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const same = results.slice(0, 20).map((r) => (r.ok ? r.value.id : ''));
    expect(new Set(same).size).toBe(1);
    expect(await transfersOf(account)).toBe(21);
    expect(await walletBalance(wallet, account)).toBe(String(1000 - 7 - 20));
  });

  it('answers a retry that races its uncommitted original as a replay, even when the original took the last of the money', async () => {
    const [account, other] = [randomUUID(), randomUUID()];
    await fund(wallet, account, '100');
    await fund(wallet, other, '100');
    expect((await debit(other, `warm:${other}`)).ok).toBe(true); // the clearing account exists from here on
    const [{ id: clearing }] = (await wallet.db.query(`SELECT id FROM ledger_accounts WHERE code = 'clearing:orders:USD:live'`)) as [{ id: string }];
    const request = { idempotency_key: `order:${account}:debit`, account_id: account, mode: 'live' as const, currency: 'USD', amount_minor: '100' };

    // The original, written on another of the pool's connections (as another wallet replica would) and
    // not yet committed: it holds the key and the wallet. Another wallet is held too, so that both
    // batches in flight wait there.
    const original = await pgPoolOf(wallet.db).connect();
    const holder = await pgPoolOf(wallet.db).connect();
    try {
      await original.query('BEGIN');
      const [{ transfer_id: originalId }] = (await original.query(`SELECT * FROM ledger_debit($1, $2, $3, 'live', 'USD', 100, NULL, NULL, $4)`, [request.idempotency_key, requestHash(request), account, clearing])).rows as [{ transfer_id: string }];
      await holder.query('BEGIN');
      await holder.query(`UPDATE ledger_accounts SET updated_at = now() WHERE kind = 'wallet' AND owner_account_id = $1`, [other]);
      const blocked = [debit(other, `blocked:1:${other}`), debit(other, `blocked:2:${other}`)];
      await waitForWaiting(2);
      // The retry and another debit of the same wallet queue behind them, and go as one batch once they are let through.
      const retry = settle(wallet.rpc.request(Rpc.wallet.debit, request));
      const more = debit(account, `more:${account}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await holder.query('COMMIT');
      await waitForWaiting(1, 'ledger_debit_many');
      await original.query('COMMIT');

      const answered = await retry;
      expect(answered.ok ? answered.value.id : answered.error.code).toBe(originalId);
      expect(await more).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_FUNDS' } });
      expect((await Promise.all(blocked)).every((r) => r.ok)).toBe(true);
    } finally {
      await original.query('ROLLBACK').catch(() => undefined);
      await holder.query('ROLLBACK').catch(() => undefined);
      original.release();
      holder.release();
    }
    expect(await walletBalance(wallet, account)).toBe('0');
    expect(await transfersOf(account)).toBe(1);
    expect(await ledgerViolations(wallet.db)).toEqual([]);
  });

  it('keeps wallets apart within a batch: one without a wallet is refused, the others are debited', async () => {
    const [a, b, none] = [randomUUID(), randomUUID(), randomUUID()];
    await fund(wallet, a, '100');
    await fund(wallet, b, '100');
    const statements = watchDebitStatements();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => debit([a, b, none][i % 3] as string, `mix:${i}:${randomUUID()}`)),
    );
    expect(Math.max(...statements.batches())).toBeGreaterThan(1);
    results.forEach((r, i) => {
      if (i % 3 === 2) expect(r.ok ? 'debited' : r.error.code).toBe('WALLET_NOT_FOUND');
      else expect(r.ok).toBe(true);
    });
    expect([await walletBalance(wallet, a), await walletBalance(wallet, b)]).toEqual(['90', '90']);
    expect(await ledgerViolations(wallet.db)).toEqual([]);
  });
});
