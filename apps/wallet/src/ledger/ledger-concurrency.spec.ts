import { randomUUID } from 'node:crypto';
import { Rpc } from '@airtime/contracts';
import { createRpcClient, type PlatformError, type RpcClient } from '@airtime/platform';
import { ledgerViolations } from '../testing/ledger-invariants.js';
import { type RunningWallet, startWalletService } from '../testing/start-wallet-service.js';

let wallet: RunningWallet;
let clients: RpcClient[];
beforeAll(async () => {
  wallet = await startWalletService();
  // Several NATS connections, as several orders replicas would have.
  clients = Array.from({ length: 4 }, (_, i) => createRpcClient(process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222', `concurrency-${i}`, 30_000));
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await wallet.stop();
});

const client = (i: number) => clients[i % clients.length] as RpcClient;
const settle = <T>(promise: Promise<T>) => promise.then((value) => ({ ok: true as const, value }), (error: PlatformError) => ({ ok: false as const, error }));

async function fund(account: string, amount: string) {
  await wallet.rpc.request(Rpc.wallet.credit, { idempotency_key: `fund:${randomUUID()}`, account_id: account, mode: 'live', currency: 'USD', amount_minor: amount, kind: 'topup', source: 'pesepay' });
}

async function storedAndRecomputed(account: string) {
  const [row] = await wallet.db.query(
    `SELECT a.balance::text AS stored, (SELECT coalesce(sum(amount), 0) FROM ledger_entries WHERE ledger_account_id = a.id)::text AS recomputed
       FROM ledger_accounts a WHERE kind = 'wallet' AND owner_account_id = $1`,
    [account],
  );
  return row as { stored: string; recomputed: string };
}

// Hundreds of real round trips per test: generous time, so a busy machine is not mistaken for a bug.
const SLOW = 30_000;

describe('the ledger under concurrency (real PostgreSQL and NATS)', () => {
  it('lets exactly 100 of 400 concurrent 1-unit debits through a wallet holding 100', async () => {
    const account = randomUUID();
    await fund(account, '100');
    const results = await Promise.all(
      Array.from({ length: 400 }, (_, i) =>
        settle(client(i).request(Rpc.wallet.debit, { idempotency_key: `race:${account}:${i}`, account_id: account, mode: 'live', currency: 'USD', amount_minor: '1' })),
      ),
    );
    const succeeded = results.filter((r) => r.ok);
    const failed = results.filter((r) => !r.ok);
    expect(succeeded).toHaveLength(100);
    expect(new Set(failed.map((r) => (r.ok ? '' : r.error.code)))).toEqual(new Set(['INSUFFICIENT_FUNDS']));
    expect(await storedAndRecomputed(account)).toEqual({ stored: '0', recomputed: '0' });
    expect(await ledgerViolations(wallet.db)).toEqual([]);
  }, SLOW);

  it('makes one transfer of 50 concurrent requests with the same key', async () => {
    const account = randomUUID();
    await fund(account, '1000');
    const request = { idempotency_key: `dup:${account}`, account_id: account, mode: 'live' as const, currency: 'USD', amount_minor: '7', order_id: 'o-dup' };
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => client(i).request(Rpc.wallet.debit, request)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await storedAndRecomputed(account)).toEqual({ stored: '993', recomputed: '993' });
    const [{ n }] = await wallet.db.query(`SELECT count(*)::int AS n FROM transfers WHERE owner_account_id = $1 AND kind = 'debit'`, [account]);
    expect(n).toBe(1);
  }, SLOW);

  it('makes one refund of 40 concurrent refunds of one debit, under one key or many', async () => {
    const account = randomUUID();
    await fund(account, '1000');
    const spent = await wallet.rpc.request(Rpc.wallet.debit, { idempotency_key: `spend:${account}`, account_id: account, mode: 'live', currency: 'USD', amount_minor: '600' });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        settle(client(i).request(Rpc.wallet.refund, {
          idempotency_key: i % 2 === 0 ? `refund:${account}` : `refund:${account}:${i}`,
          account_id: account,
          debit_key: spent.idempotency_key,
        })),
      ),
    );
    const refunds = new Set(results.flatMap((r) => (r.ok ? [r.value.id] : [])));
    expect(refunds.size).toBe(1);
    for (const r of results) if (!r.ok) expect(r.error.code).toBe('ALREADY_REFUNDED');
    expect(await storedAndRecomputed(account)).toEqual({ stored: '1000', recomputed: '1000' });
    expect(await ledgerViolations(wallet.db)).toEqual([]);
  }, SLOW);
});
