import { Rpc } from '@airtime/contracts';
import { PlatformError } from '@airtime/platform';
import { creditsOf, payment, seedTopUp, startWalletWithPesepay } from '../../../testing/fake-pesepay-peer.js';
import { ApplyTopUpCallbackCommand } from './apply-top-up-callback.command.js';
import { ApplyTopUpCallbackUseCase } from './apply-top-up-callback.use-case.js';
import { forEachFile, failureOf } from '@airtime/platform/testing';

const wallet = forEachFile(startWalletWithPesepay, (w) => w.pesepay.reset());

const { pesepayCheck, pesepayDecodeCallback } = Rpc.providerAdapters;
const callback = (payload: string) => wallet.app.get(ApplyTopUpCallbackUseCase).execute(new ApplyTopUpCallbackCommand({ payload }));

describe("Pesepay's result callback", () => {
  it("credits only once Pesepay's own status check says paid, whatever the callback announced", async () => {
    const topUp = await seedTopUp(wallet, 'pending');
    wallet.pesepay
      .on(pesepayDecodeCallback, () => payment('paid', '500', { pesepay_reference: topUp.provider_reference as string }))
      .on(pesepayCheck, () => payment('pending'));

    expect((await callback('encrypted-body')).status).toBe('pending');
    expect(await creditsOf(wallet, topUp.id)).toBe(0);
    expect(wallet.pesepay.to(pesepayDecodeCallback)).toEqual([{ payload: 'encrypted-body' }]);

    wallet.pesepay.on(pesepayCheck, () => payment('paid'));
    expect((await callback('encrypted-body')).status).toBe('paid');
    expect((await callback('encrypted-body')).status).toBe('paid');
    expect(await creditsOf(wallet, topUp.id)).toBe(1);
  });

  it('refuses a payment that is no top-up of ours, and one that does not decrypt', async () => {
    wallet.pesepay.on(pesepayDecodeCallback, () => payment('paid', '500', { pesepay_reference: 'PSP-not-ours' }));
    expect(await failureOf(callback('x'))).toMatchObject({ code: 'TOPUP_NOT_FOUND', message: 'No top-up with this payment reference' });

    wallet.pesepay.on(pesepayDecodeCallback, () => {
      throw new PlatformError('INVALID_SIGNATURE', 'does not decrypt');
    });
    expect((await failureOf(callback('x'))).code).toBe('INVALID_SIGNATURE');
    expect(wallet.pesepay.to(pesepayCheck)).toEqual([]);
  });
});
