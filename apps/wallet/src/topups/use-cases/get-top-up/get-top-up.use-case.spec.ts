import { randomUUID } from 'node:crypto';
import { Rpc } from '@airtime/contracts';
import { payment, seedTopUp, startWalletWithPesepay } from '../../../testing/fake-pesepay-peer.js';
import { GetTopUpCommand } from './get-top-up.command.js';
import { GetTopUpUseCase } from './get-top-up.use-case.js';
import { forEachFile, failureOf } from '@airtime/platform/testing';

const wallet = forEachFile(startWalletWithPesepay, (w) => w.pesepay.reset());

const { pesepayCheck } = Rpc.providerAdapters;
const get = (accountId: string, reference: string, mode: 'live' | 'test' = 'live') =>
  wallet.app.get(GetTopUpUseCase).execute(new GetTopUpCommand({ accountId, mode, reference }));

describe('getting a top-up', () => {
  it("checks a pending one with Pesepay first, and finds only the account's own, in its mode", async () => {
    wallet.pesepay.on(pesepayCheck, () => payment('paid'));
    const topUp = await seedTopUp(wallet, 'pending');

    expect((await get(topUp.owner_account_id, topUp.reference)).status).toBe('paid');
    expect(await failureOf(get(randomUUID(), topUp.reference))).toMatchObject({ code: 'TOPUP_NOT_FOUND', message: 'Top-up not found' });
    expect((await failureOf(get(topUp.owner_account_id, topUp.reference, 'test'))).code).toBe('TOPUP_NOT_FOUND');
  });

  it('answers a pending top-up as it stands when Pesepay cannot be asked, and a closed one without asking', async () => {
    const pending = await seedTopUp(wallet, 'pending');
    const failed = await seedTopUp(wallet, 'failed');

    expect((await get(pending.owner_account_id, pending.reference)).status).toBe('pending');
    expect(wallet.pesepay.to(pesepayCheck)).toHaveLength(1);
    expect((await get(failed.owner_account_id, failed.reference)).status).toBe('failed');
    expect(wallet.pesepay.to(pesepayCheck)).toHaveLength(1);
  });
});
