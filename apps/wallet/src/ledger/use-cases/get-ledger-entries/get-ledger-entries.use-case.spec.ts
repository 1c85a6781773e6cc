import { randomUUID } from 'node:crypto';
import { type GetLedgerEntriesRequest, Rpc } from '@airtime/contracts';
import { failureOf, forEachFile } from '@airtime/platform/testing';
import { startWalletService } from '../../../testing/start-wallet-service.js';
import { GetLedgerEntriesCommand } from './get-ledger-entries.command.js';
import { GetLedgerEntriesUseCase } from './get-ledger-entries.use-case.js';

const wallet = forEachFile(() => startWalletService());

const get = (accountId: string, ids: string[], mode: 'live' | 'test' = 'live') =>
  wallet.app.get(GetLedgerEntriesUseCase).execute(new GetLedgerEntriesCommand({ accountId, mode, ids }));
const topUp = (account: string, amount: string, mode: 'live' | 'test' = 'live') =>
  wallet.rpc.request(Rpc.wallet.credit, { idempotency_key: `topup:${randomUUID()}`, account_id: account, mode, currency: 'USD', amount_minor: amount, kind: 'topup', source: 'pesepay' });
/** The entry ids of a transfer: the wallet's and the counter account's. */
const entriesOf = async (transferId: string) =>
  (await wallet.db.query(`SELECT e.id::text AS id, a.kind FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.ledger_account_id WHERE e.transfer_id = $1`, [transferId])) as { id: string; kind: string }[];

describe('getting ledger entries by id', () => {
  it("answers entries of the account's wallets in its mode, and leaves out another account's, the other mode's and the platform's own", async () => {
    const account = randomUUID();
    const live = await entriesOf((await topUp(account, '1000')).id);
    const sandbox = await entriesOf((await topUp(account, '300', 'test')).id);
    const theirs = await entriesOf((await topUp(randomUUID(), '700')).id);
    const mine = live.find((e) => e.kind === 'wallet')?.id as string;
    const funding = live.find((e) => e.kind !== 'wallet')?.id as string;
    const sandboxEntry = sandbox.find((e) => e.kind === 'wallet')?.id as string;

    const found = await get(account, [mine, funding, sandboxEntry, ...theirs.map((e) => e.id), '9999999999', '9999999999999999999']);
    expect(found).toEqual([{ id: mine, transfer_id: expect.any(String), kind: 'topup', currency: 'USD', amount_minor: '1000', balance_after_minor: '1000', order_id: null, description: 'Top-up via pesepay', created_at: expect.any(String) }]);
    expect((await get(account, [mine, sandboxEntry], 'test')).map((e) => e.id)).toEqual([sandboxEntry]);
  });

  it('refuses no ids, too many, and ids that are not entry ids, over NATS', async () => {
    const ask = (ids: unknown) => failureOf(wallet.rpc.request(Rpc.wallet.getLedgerEntries, { account_id: randomUUID(), mode: 'live', ids } as GetLedgerEntriesRequest));
    for (const ids of [[], Array.from({ length: 201 }, (_, i) => String(i + 1)), ['-1'], ['1e3'], [randomUUID()], ['12345678901234567890']]) {
      expect((await ask(ids)).code).toBe('VALIDATION_FAILED');
    }
    expect(await wallet.rpc.request(Rpc.wallet.getLedgerEntries, { account_id: randomUUID(), mode: 'live', ids: ['1'] })).toEqual([]);
  });
});
