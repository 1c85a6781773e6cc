import { Rpc } from '@airtime/contracts';
import { ledgerViolations } from '../../../testing/ledger-invariants.js';
import { creditsOf, eventTypes, payment, seedTopUp, startWalletWithPesepay } from '../../../testing/fake-pesepay-peer.js';
import { walletBalance } from '../../../testing/start-wallet-service.js';
import { SettleTopUpCommand } from './settle-top-up.command.js';
import { SettleTopUpUseCase } from './settle-top-up.use-case.js';
import { forEachFile } from '@airtime/platform/testing';

const wallet = forEachFile(startWalletWithPesepay, (w) => w.pesepay.reset());
afterEach(async () => expect(await ledgerViolations(wallet.db)).toEqual([]));

const { pesepayCheck } = Rpc.providerAdapters;
const settle = (topUp: Awaited<ReturnType<typeof seedTopUp>>) => wallet.app.get(SettleTopUpUseCase).execute(new SettleTopUpCommand({ topUp }));

describe('settling a top-up with Pesepay', () => {
  it('asks Pesepay by its reference and credits a paid top-up exactly once, however often it is asked', async () => {
    wallet.pesepay.on(pesepayCheck, () => payment('paid'));
    const topUp = await seedTopUp(wallet, 'pending');

    const results = await Promise.all([settle(topUp), settle(topUp), settle(topUp)]);

    expect(results.map((r) => r.status)).toEqual(['paid', 'paid', 'paid']);
    expect(wallet.pesepay.to(pesepayCheck)[0]).toEqual({ pesepay_reference: topUp.provider_reference, mode: 'live' });
    expect(await creditsOf(wallet, topUp.id)).toBe(1);
    expect(await walletBalance(wallet, topUp.owner_account_id)).toBe('500');
    expect(await eventTypes(wallet, topUp.owner_account_id)).toEqual(['topup.paid']);
  });

  it('credits nothing when Pesepay reports another amount or currency than was asked', async () => {
    wallet.pesepay.on(pesepayCheck, () => payment('paid', '5000'));
    const topUp = await seedTopUp(wallet, 'pending');

    expect((await settle(topUp)).status).toBe('pending');
    expect(await creditsOf(wallet, topUp.id)).toBe(0);
  });

  it('closes a failed or cancelled payment, and leaves one Pesepay is still waiting for', async () => {
    const [failed, cancelled, waiting] = [await seedTopUp(wallet, 'pending'), await seedTopUp(wallet, 'pending'), await seedTopUp(wallet, 'pending')];
    wallet.pesepay.on(pesepayCheck, (p) =>
      payment(p['pesepay_reference'] === failed.provider_reference ? 'failed' : p['pesepay_reference'] === cancelled.provider_reference ? 'cancelled' : 'pending'));

    expect((await settle(failed)).status).toBe('failed');
    expect((await settle(cancelled)).status).toBe('cancelled');
    expect((await settle(waiting)).status).toBe('pending');
    expect(await eventTypes(wallet, failed.owner_account_id)).toEqual(['topup.failed']);
    expect(await eventTypes(wallet, waiting.owner_account_id)).toEqual([]);
  });

  it('still credits a top-up that expired before it was paid, but never reopens a failed one', async () => {
    wallet.pesepay.on(pesepayCheck, () => payment('paid'));
    const expired = await seedTopUp(wallet, 'expired');
    const failed = await seedTopUp(wallet, 'failed');

    expect((await settle(expired)).status).toBe('paid');
    expect(await creditsOf(wallet, expired.id)).toBe(1);
    // The credit is keyed by the top-up, so it happens; the top-up itself stays failed.
    expect((await settle(failed)).status).toBe('failed');
  });
});
