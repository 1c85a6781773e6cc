import { Rpc } from '@airtime/contracts';
import { creditsOf, eventTypes, payment, seedTopUp, startWalletWithPesepay } from '../../../testing/fake-pesepay-peer.js';
import { ExpireTopUpsCommand } from './expire-top-ups.command.js';
import { ExpireTopUpsUseCase } from './expire-top-ups.use-case.js';
import { forEachFile } from '@airtime/platform/testing';

const wallet = forEachFile(startWalletWithPesepay, (w) => w.pesepay.reset());

const { pesepayCheck } = Rpc.providerAdapters;
const sweep = (limit = 100) => wallet.app.get(ExpireTopUpsUseCase).execute(new ExpireTopUpsCommand({ limit }));
const statusOf = async (id: string) => ((await wallet.db.query(`SELECT status FROM topups WHERE id = $1`, [id])) as { status: string }[])[0]?.status;

describe('expiring top-ups', () => {
  it('asks Pesepay once more about each open top-up past its expiry, expires the unpaid and credits the paid', async () => {
    const unpaid = await seedTopUp(wallet, 'pending', { expiresInSeconds: -60 });
    const paid = await seedTopUp(wallet, 'pending', { expiresInSeconds: -30 });
    const neverStarted = await seedTopUp(wallet, 'initiating', { expiresInSeconds: -10, paymentReference: null });
    const notYet = await seedTopUp(wallet, 'pending', { expiresInSeconds: 600 });
    wallet.pesepay.on(pesepayCheck, (p) => payment(p['pesepay_reference'] === paid.provider_reference ? 'paid' : 'pending'));

    expect(await sweep()).toBe(3);

    expect(await statusOf(unpaid.id)).toBe('expired');
    expect(await statusOf(paid.id)).toBe('paid');
    expect(await statusOf(neverStarted.id)).toBe('expired');
    expect(await statusOf(notYet.id)).toBe('pending');
    expect(await creditsOf(wallet, paid.id)).toBe(1);
    expect(await eventTypes(wallet, unpaid.owner_account_id)).toEqual(['topup.expired']);
    expect(wallet.pesepay.to(pesepayCheck).map((c) => c['pesepay_reference']).sort()).toEqual([unpaid.provider_reference, paid.provider_reference].sort());
  });

  it('leaves a top-up open when Pesepay cannot be asked, and takes at most the limit', async () => {
    const first = await seedTopUp(wallet, 'pending', { expiresInSeconds: -20 });
    const second = await seedTopUp(wallet, 'pending', { expiresInSeconds: -10 });

    expect(await sweep(1)).toBe(1);
    expect(await statusOf(first.id)).toBe('pending');
    expect(await statusOf(second.id)).toBe('pending');
  });
});
