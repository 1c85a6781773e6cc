import { randomUUID } from 'node:crypto';
import type { CreditWalletRequest } from '@airtime/contracts';
import { ledgerViolations } from '../../../testing/ledger-invariants.js';
import { startWalletService, walletBalance } from '../../../testing/start-wallet-service.js';
import { CreditWalletCommand } from './credit-wallet.command.js';
import { CreditWalletUseCase } from './credit-wallet.use-case.js';
import { forEachFile, failureOf } from '@airtime/platform/testing';

const wallet = forEachFile(() => startWalletService());
afterEach(async () => expect(await ledgerViolations(wallet.db)).toEqual([]));

const credit = (request: Partial<CreditWalletRequest> & { account_id: string }) =>
  wallet.app.get(CreditWalletUseCase).execute(new CreditWalletCommand({
    request: { idempotency_key: `credit:${randomUUID()}`, mode: 'live', currency: 'USD', amount_minor: '500', kind: 'topup', source: 'pesepay', ...request },
  }));
const counterAccount = async (transferId: string) =>
  ((await wallet.db.query(
    `SELECT a.code FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.ledger_account_id WHERE e.transfer_id = $1 AND a.kind <> 'wallet'`,
    [transferId],
  )) as { code: string }[])[0]?.code;

describe('crediting a wallet', () => {
  it('makes the wallet on its first top-up, against the provider\'s funding account, once per key', async () => {
    const account = randomUUID();
    const request = { account_id: account, idempotency_key: `topup:${randomUUID()}` };

    const first = await credit(request);

    expect(first).toMatchObject({ kind: 'topup', amount_minor: '500', balance_after_minor: '500', account_id: account });
    expect(await counterAccount(first.id)).toBe('funding:pesepay:USD:live');
    expect(await credit(request)).toEqual(first);
    expect((await failureOf(credit({ ...request, amount_minor: '501' }))).code).toBe('IDEMPOTENCY_CONFLICT');
    expect(await walletBalance(wallet, account)).toBe('500');
  });

  it('books an adjustment against the operators\' account, with its reason and actor', async () => {
    const account = randomUUID();
    const adjustment = await credit({ account_id: account, kind: 'adjustment', source: undefined, reason: 'goodwill credit', actor: 'ops@example.com', amount_minor: '100' });

    expect(adjustment).toMatchObject({ kind: 'adjustment', reason: 'goodwill credit', actor: 'ops@example.com', balance_after_minor: '100' });
    expect(await counterAccount(adjustment.id)).toBe('adjustments:operator:USD:live');
  });

  it('refuses a currency wallets do not hold, and an amount over the largest transfer', async () => {
    const account = randomUUID();
    expect((await failureOf(credit({ account_id: account, currency: 'XYZ' }))).code).toBe('UNSUPPORTED_CURRENCY');
    expect((await failureOf(credit({ account_id: account, amount_minor: '999999999999999999' }))).code).toBe('AMOUNT_TOO_LARGE');
    expect(await walletBalance(wallet, account)).toBeUndefined();
  });
});
