import { randomUUID } from 'node:crypto';
import { ledgerViolations } from '../../../testing/ledger-invariants.js';
import { fund, startWalletService, walletBalance } from '../../../testing/start-wallet-service.js';
import { DebitWalletCommand } from '../debit-wallet/debit-wallet.command.js';
import { DebitWalletUseCase } from '../debit-wallet/debit-wallet.use-case.js';
import { RefundDebitCommand } from './refund-debit.command.js';
import { RefundDebitUseCase } from './refund-debit.use-case.js';
import { forEachFile, failureOf } from '@airtime/platform/testing';

const wallet = forEachFile(() => startWalletService());
afterEach(async () => expect(await ledgerViolations(wallet.db)).toEqual([]));

const refund = (request: { account_id: string; debit_key: string; idempotency_key?: string; amount_minor?: string; reason?: string }) =>
  wallet.app.get(RefundDebitUseCase).execute(new RefundDebitCommand({ request: { idempotency_key: `refund:${randomUUID()}`, ...request } }));

async function spent(account: string, amount: string) {
  await fund(wallet, account, '1000');
  return wallet.app.get(DebitWalletUseCase).execute(new DebitWalletCommand({
    request: { idempotency_key: `order:${randomUUID()}:debit`, account_id: account, mode: 'live', currency: 'USD', amount_minor: amount, order_id: 'o-9' },
  }));
}

describe('refunding a debit', () => {
  it('gives the whole debit back once, under its key, naming the debit and its order', async () => {
    const account = randomUUID();
    const debit = await spent(account, '400');
    const request = { account_id: account, debit_key: debit.idempotency_key, idempotency_key: 'order:o-9:refund', reason: 'upstream failed' };

    const first = await refund(request);

    expect(first).toMatchObject({ kind: 'refund', amount_minor: '400', balance_after_minor: '1000', refund_of: debit.id, order_id: 'o-9', reason: 'upstream failed' });
    expect(await refund(request)).toEqual(first);
    expect(await failureOf(refund({ ...request, idempotency_key: `refund:${randomUUID()}` }))).toMatchObject({ code: 'ALREADY_REFUNDED', message: 'This debit has already been refunded' });
    expect(await walletBalance(wallet, account)).toBe('1000');
  });

  it('never gives back more than was taken, nor a debit that is not the account\'s', async () => {
    const [account, stranger] = [randomUUID(), randomUUID()];
    const debit = await spent(account, '400');

    expect((await failureOf(refund({ account_id: account, debit_key: debit.idempotency_key, amount_minor: '401' }))).code).toBe('REFUND_EXCEEDS_DEBIT');
    expect((await failureOf(refund({ account_id: stranger, debit_key: debit.idempotency_key }))).code).toBe('DEBIT_NOT_FOUND');
    expect((await failureOf(refund({ account_id: account, debit_key: 'no-such-debit' }))).code).toBe('DEBIT_NOT_FOUND');
    expect(await refund({ account_id: account, debit_key: debit.idempotency_key, amount_minor: '150' })).toMatchObject({ amount_minor: '150', balance_after_minor: '750' });
  });
});
