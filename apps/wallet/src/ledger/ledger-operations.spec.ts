import { randomUUID } from 'node:crypto';
import { Rpc, type RpcDef } from '@airtime/contracts';
import { PlatformError } from '@airtime/platform';
import { ledgerViolations } from '../testing/ledger-invariants.js';
import { type RunningWallet, startWalletService } from '../testing/start-wallet-service.js';

let wallet: RunningWallet;
beforeAll(async () => {
  wallet = await startWalletService();
});
afterAll(() => wallet.stop());
afterEach(async () => expect(await ledgerViolations(wallet.db)).toEqual([]));

const key = (label: string) => `${label}:${randomUUID()}`;
// Payloads stay loose here: some break the contract on purpose, to see the wallet refuse them.
const call = <Req, Res>(def: RpcDef<Req, Res>, payload: object) => wallet.rpc.request(def, payload as Req);
const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a failure'); }, (e: PlatformError) => e);
const topUp = (account: string, amount: string, currency = 'USD', mode = 'live') =>
  call(Rpc.wallet.credit, { idempotency_key: key('topup'), account_id: account, mode, currency, amount_minor: amount, kind: 'topup', source: 'pesepay' });
const debit = (account: string, amount: string, extra: object = {}) =>
  call(Rpc.wallet.debit, { idempotency_key: key('debit'), account_id: account, mode: 'live', currency: 'USD', amount_minor: amount, ...extra });
const countTransfers = async () => Number((await wallet.db.query('SELECT count(*) AS n FROM transfers'))[0].n);
const balances = (account: string, mode = 'live') => call(Rpc.wallet.wallets, { account_id: account, mode });

describe('top-ups and adjustments', () => {
  it('create the wallet on its first credit and add to it', async () => {
    const account = randomUUID();
    const first = await topUp(account, '1050');
    expect(first).toMatchObject({ kind: 'topup', amount_minor: '1050', balance_after_minor: '1050', currency: 'USD', account_id: account });
    await topUp(account, '25');
    expect(await balances(account)).toEqual([
      { currency: 'USD', mode: 'live', balance_minor: '1075', balance: '10.75', updated_at: expect.any(String) },
    ]);
  });

  it('replay the original result for a repeated key, and refuse the key for a different request', async () => {
    const account = randomUUID();
    const request = { idempotency_key: key('topup'), account_id: account, mode: 'live', currency: 'USD', amount_minor: '500', kind: 'topup', source: 'pesepay' };
    const first = await call(Rpc.wallet.credit, request);
    const again = await call(Rpc.wallet.credit, request);
    expect(again).toEqual(first);
    const reused = await failure(call(Rpc.wallet.credit, { ...request, amount_minor: '501' }));
    expect(reused.code).toBe('IDEMPOTENCY_CONFLICT');
    expect((await balances(account))[0]?.balance_minor).toBe('500');
  });

  it('need a reason and an actor for an adjustment', async () => {
    const account = randomUUID();
    const missing = await failure(call(Rpc.wallet.credit, { idempotency_key: key('adj'), account_id: account, mode: 'live', currency: 'USD', amount_minor: '100', kind: 'adjustment' }));
    expect(missing.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(missing.details?.['fields'] as object).sort()).toEqual(['actor', 'reason']);
    const done = await call(Rpc.wallet.credit, { idempotency_key: key('adj'), account_id: account, mode: 'live', currency: 'USD', amount_minor: '100', kind: 'adjustment', reason: 'goodwill credit', actor: 'ops@example.com' });
    expect(done).toMatchObject({ kind: 'adjustment', reason: 'goodwill credit', actor: 'ops@example.com' });
  });

  it('keep sandbox money apart from live money', async () => {
    const account = randomUUID();
    await topUp(account, '900', 'USD', 'test');
    expect(await balances(account, 'live')).toEqual([]);
    expect((await balances(account, 'test'))[0]?.balance_minor).toBe('900');
    expect((await failure(debit(account, '100'))).code).toBe('WALLET_NOT_FOUND');
  });
});

describe('debits', () => {
  it('take money from the wallet once per key', async () => {
    const account = randomUUID();
    await topUp(account, '1000');
    const request = { idempotency_key: key('order'), account_id: account, mode: 'live', currency: 'USD', amount_minor: '300', order_id: 'o-1' };
    const first = await call(Rpc.wallet.debit, request);
    expect(first).toMatchObject({ kind: 'debit', amount_minor: '300', balance_after_minor: '700', order_id: 'o-1' });
    expect(await call(Rpc.wallet.debit, request)).toEqual(first);
    expect((await balances(account))[0]?.balance_minor).toBe('700');
  });

  it('fail with Insufficient funds or Wallet not found (000) and write nothing', async () => {
    const account = randomUUID();
    await topUp(account, '100');
    const before = await countTransfers();
    const insufficient = await failure(debit(account, '101'));
    expect(insufficient).toMatchObject({ code: 'INSUFFICIENT_FUNDS', message: 'Insufficient funds' });
    const missing = await failure(debit(account, '1', { currency: 'ZWG' }));
    expect(missing).toMatchObject({ code: 'WALLET_NOT_FOUND', message: 'Wallet not found' });
    expect(await countTransfers()).toBe(before);
    expect((await balances(account))[0]?.balance_minor).toBe('100');
  });

  it.each([
    ['negative', '-5', 'VALIDATION_FAILED'],
    ['zero', '0', 'VALIDATION_FAILED'],
    ['fractional', '1.5', 'VALIDATION_FAILED'],
    ['a JSON number', 5, 'VALIDATION_FAILED'],
    ['more digits than bigint holds', '1234567890123456789', 'VALIDATION_FAILED'],
    ['absurdly large', '999999999999999999', 'AMOUNT_TOO_LARGE'],
  ])('refuse a %s amount and write nothing', async (_label, amount, code) => {
    const account = randomUUID();
    await topUp(account, '100');
    const before = await countTransfers();
    const error = await failure(debit(account, amount as string));
    expect(error.code).toBe(code);
    expect(await countTransfers()).toBe(before);
  });

  it('refuse an unknown currency', async () => {
    const error = await failure(topUp(randomUUID(), '100', 'XYZ'));
    expect(error.code).toBe('UNSUPPORTED_CURRENCY');
    expect((await failure(topUp(randomUUID(), '100', 'usd'))).code).toBe('VALIDATION_FAILED');
  });
});

describe('refunds', () => {
  it('return a debit once, never more than it took', async () => {
    const account = randomUUID();
    await topUp(account, '1000');
    const spent = await debit(account, '400', { order_id: 'o-9' });

    const tooMuch = await failure(call(Rpc.wallet.refund, { idempotency_key: key('refund'), account_id: account, debit_key: spent.idempotency_key, amount_minor: '401' }));
    expect(tooMuch.code).toBe('REFUND_EXCEEDS_DEBIT');

    const request = { idempotency_key: `order:o-9:refund`, account_id: account, debit_key: spent.idempotency_key, reason: 'upstream failed' };
    const refund = await call(Rpc.wallet.refund, request);
    expect(refund).toMatchObject({ kind: 'refund', amount_minor: '400', balance_after_minor: '1000', refund_of: spent.id, order_id: 'o-9' });
    expect(await call(Rpc.wallet.refund, request)).toEqual(refund);

    const second = await failure(call(Rpc.wallet.refund, { ...request, idempotency_key: key('refund') }));
    expect(second.code).toBe('ALREADY_REFUNDED');
    expect((await balances(account))[0]?.balance_minor).toBe('1000');
  });

  it("refuse a debit that does not exist or is another account's", async () => {
    const [mine, theirs] = [randomUUID(), randomUUID()];
    await topUp(theirs, '100');
    const spent = await debit(theirs, '50');
    for (const debit_key of ['no-such-debit', spent.idempotency_key]) {
      const error = await failure(call(Rpc.wallet.refund, { idempotency_key: key('refund'), account_id: mine, debit_key }));
      expect(error.code).toBe('DEBIT_NOT_FOUND');
    }
  });
});

describe('the ledger', () => {
  it('lists a wallet\'s entries newest first, paginated and filtered, and only the owner\'s', async () => {
    const [account, other] = [randomUUID(), randomUUID()];
    await topUp(account, '1000');
    await topUp(account, '500', 'ZWG');
    for (let i = 1; i <= 5; i++) await debit(account, String(i * 10), { order_id: `order-${i}` });
    await topUp(other, '777');

    const first = await call(Rpc.wallet.ledger, { account_id: account, mode: 'live', currency: 'USD', limit: 4 });
    expect(first.entries.map((e) => e.amount_minor)).toEqual(['-50', '-40', '-30', '-20']);
    expect(first.entries[0]).toMatchObject({ kind: 'debit', order_id: 'order-5', balance_after_minor: '850', currency: 'USD' });
    const second = await call(Rpc.wallet.ledger, { account_id: account, mode: 'live', currency: 'USD', limit: 4, cursor: first.next_cursor });
    expect(second.entries.map((e) => e.amount_minor)).toEqual(['-10', '1000']);
    expect(second.next_cursor).toBeNull();

    const topups = await call(Rpc.wallet.ledger, { account_id: account, mode: 'live', kind: 'topup' });
    expect(topups.entries.map((e) => e.currency).sort()).toEqual(['USD', 'ZWG']);
    const byOrder = await call(Rpc.wallet.ledger, { account_id: account, mode: 'live', order_id: 'order-3' });
    expect(byOrder.entries.map((e) => e.amount_minor)).toEqual(['-30']);
    const future = await call(Rpc.wallet.ledger, { account_id: account, mode: 'live', from: new Date(Date.now() + 60_000).toISOString() });
    expect(future.entries).toEqual([]);

    const others = await call(Rpc.wallet.ledger, { account_id: other, mode: 'live' });
    expect(others.entries.map((e) => e.amount_minor)).toEqual(['777']);
  });

  it("answers the entries of several orders in one request, the owner's only and in the mode asked", async () => {
    const [account, other] = [randomUUID(), randomUUID()];
    await topUp(account, '1000');
    await topUp(other, '1000');
    for (const order of ['o-1', 'o-2', 'o-3']) await debit(account, '10', { order_id: order });
    await debit(other, '99', { order_id: 'o-2' });

    const found = await call(Rpc.wallet.ordersLedgerEntries, { account_id: account, mode: 'live', order_ids: ['o-1', 'o-2', 'no-such-order'] });
    expect(found.map((e) => [e.order_id, e.amount_minor])).toEqual([['o-1', '-10'], ['o-2', '-10']]);
    expect(await call(Rpc.wallet.ordersLedgerEntries, { account_id: account, mode: 'test', order_ids: ['o-1'] })).toEqual([]);
    expect((await failure(call(Rpc.wallet.ordersLedgerEntries, { account_id: account, mode: 'live', order_ids: [] }))).code).toBe('VALIDATION_FAILED');
  });

  it('exports a CSV statement for a date range', async () => {
    const account = randomUUID();
    await topUp(account, '1000');
    await debit(account, '250', { order_id: 'csv-1', description: 'Econet airtime, 0772279099' });
    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 3600_000).toISOString();
    const statement = await call(Rpc.wallet.statement, { account_id: account, mode: 'live', from, to });
    const lines = statement.csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('entry_id,created_at,currency,kind,amount,amount_minor,balance_after,balance_after_minor,order_id,transfer_id,description');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/,USD,topup,10\.00,1000,10\.00,1000,,/);
    expect(lines[2]).toMatch(/,USD,debit,-2\.50,-250,7\.50,750,csv-1,.*,"Econet airtime, 0772279099"$/);
    expect(statement.filename).toMatch(/^statement-live-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('is enforced by the database: no updates, no deletes, no unbalanced transfer, no overdraft', async () => {
    const account = randomUUID();
    await topUp(account, '100');
    await expect(wallet.db.query(`UPDATE ledger_entries SET amount = amount * 2`)).rejects.toThrow(/append-only/);
    await expect(wallet.db.query(`DELETE FROM transfers`)).rejects.toThrow(/append-only/);
    await expect(wallet.db.query(`TRUNCATE ledger_entries CASCADE`)).rejects.toThrow(/append-only/);
    await expect(wallet.db.query(`UPDATE ledger_accounts SET balance = -1 WHERE owner_account_id = $1`, [account])).rejects.toThrow(/wallet_balance_not_negative/);
    await expect(
      wallet.db.transaction(async (m) => {
        const [t] = await m.query(`INSERT INTO transfers (idempotency_key, request_hash, kind, owner_account_id, mode, currency, amount) VALUES ('bad', repeat('0', 64), 'topup', $1, 'live', 'USD', 5) RETURNING id`, [account]);
        // TypeORM answers UPDATE … RETURNING with [rows, count].
        const [[w]] = await m.query(`UPDATE ledger_accounts SET balance = balance + 5 WHERE owner_account_id = $1 RETURNING id, balance`, [account]);
        await m.query(`INSERT INTO ledger_entries (transfer_id, ledger_account_id, amount, balance_after) VALUES ($1, $2, 5, $3)`, [t.id, w.id, w.balance]);
      }),
    ).rejects.toThrow(/does not balance|no balanced entries/);
    await expect(
      wallet.db.transaction(async (m) => {
        await m.query(`UPDATE ledger_accounts SET balance = balance + 5 WHERE owner_account_id = $1`, [account]);
        const [t] = await m.query(`INSERT INTO transfers (idempotency_key, request_hash, kind, owner_account_id, mode, currency, amount) VALUES ('bad2', repeat('0', 64), 'topup', $1, 'live', 'USD', 5) RETURNING id`, [account]);
        const [w] = await m.query(`SELECT id FROM ledger_accounts WHERE owner_account_id = $1`, [account]);
        const [f] = await m.query(`SELECT id FROM ledger_accounts WHERE kind = 'funding' LIMIT 1`);
        await m.query(`INSERT INTO ledger_entries (transfer_id, ledger_account_id, amount, balance_after) VALUES ($1, $2, 5, 999), ($1, $3, -5, NULL)`, [t.id, w.id, f.id]);
      }),
    ).rejects.toThrow(/running balance/);
    expect((await balances(account))[0]?.balance_minor).toBe('100');
  });
});
