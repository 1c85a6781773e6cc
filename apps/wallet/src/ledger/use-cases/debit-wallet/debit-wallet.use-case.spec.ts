import { randomUUID } from 'node:crypto';
import type { DebitWalletRequest } from '@airtime/contracts';
import { ledgerViolations } from '../../../testing/ledger-invariants.js';
import { fund, startWalletService, walletBalance } from '../../../testing/start-wallet-service.js';
import { DebitWalletCommand } from './debit-wallet.command.js';
import { DebitWalletUseCase } from './debit-wallet.use-case.js';
import { forEachFile, failureOf } from '@airtime/platform/testing';

const wallet = forEachFile(() => startWalletService());
afterEach(async () => expect(await ledgerViolations(wallet.db)).toEqual([]));

const debit = (request: Partial<DebitWalletRequest> & { account_id: string }) =>
  wallet.app.get(DebitWalletUseCase).execute(new DebitWalletCommand({
    request: { idempotency_key: `debit:${randomUUID()}`, mode: 'live', currency: 'USD', amount_minor: '100', ...request },
  }));

describe('debiting a wallet', () => {
  it('takes the amount once per key and answers a replay with the original transfer', async () => {
    const account = randomUUID();
    await fund(wallet, account, '1000');
    const request = { account_id: account, idempotency_key: `order:${randomUUID()}:debit`, amount_minor: '300', order_id: 'o-1', description: 'Econet airtime' };

    const first = await debit(request);
    const again = await debit(request);

    expect(first).toMatchObject({ kind: 'debit', amount_minor: '300', balance_after_minor: '700', order_id: 'o-1', account_id: account });
    expect(again).toEqual(first);
    expect(await walletBalance(wallet, account)).toBe('700');
    expect((await failureOf(debit({ ...request, amount_minor: '301' }))).code).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('refuses what the wallet cannot pay, a wallet never funded, and amounts no wallet may move, taking nothing', async () => {
    const account = randomUUID();
    await fund(wallet, account, '100');

    expect(await failureOf(debit({ account_id: account, amount_minor: '101' }))).toMatchObject({ code: 'INSUFFICIENT_FUNDS', message: 'Insufficient funds' });
    expect(await failureOf(debit({ account_id: account, currency: 'ZWG' }))).toMatchObject({ code: 'WALLET_NOT_FOUND', message: 'Wallet not found' });
    expect((await failureOf(debit({ account_id: account, currency: 'XYZ' }))).code).toBe('UNSUPPORTED_CURRENCY');
    expect((await failureOf(debit({ account_id: account, amount_minor: '999999999999999999' }))).code).toBe('AMOUNT_TOO_LARGE');
    expect(await walletBalance(wallet, account)).toBe('100');
  });
});
