import { randomUUID } from 'node:crypto';
import { Rpc } from '@airtime/contracts';
import { PlatformError } from '@airtime/platform';
import { payment, startWalletWithPesepay } from '../../../testing/fake-pesepay-peer.js';
import { CreateTopUpCommand } from './create-top-up.command.js';
import { CreateTopUpUseCase } from './create-top-up.use-case.js';
import { forEachFile, failureOf } from '@airtime/platform/testing';

const wallet = forEachFile(startWalletWithPesepay, (w) => w.pesepay.reset());

const { pesepayInitiate } = Rpc.providerAdapters;
const create = (accountId: string, extra: { currency?: string; amount_minor?: string } = {}) =>
  wallet.app.get(CreateTopUpUseCase).execute(new CreateTopUpCommand({ request: { account_id: accountId, mode: 'live', currency: 'USD', amount_minor: '500', ...extra } }));
const topUpsOf = async (accountId: string) => (await wallet.db.query(`SELECT status, provider_reference FROM topups WHERE owner_account_id = $1`, [accountId])) as { status: string; provider_reference: string | null }[];

describe('creating a top-up', () => {
  it('asks Pesepay for a payment under our reference and callback URLs, and answers where to pay', async () => {
    const accountId = randomUUID();
    const pesepayReference = `PSP-${randomUUID()}`;
    wallet.pesepay.on(pesepayInitiate, () => payment('pending', '500', { pesepay_reference: pesepayReference, redirect_url: 'https://pay.example.com/abc' }));

    const topUp = await create(accountId);

    expect(topUp).toMatchObject({ status: 'pending', mode: 'live', currency: 'USD', amount_minor: '500', amount: '5.00', provider: 'pesepay', redirect_url: 'https://pay.example.com/abc', completed_at: null });
    expect(topUp.reference).toMatch(/^TOP-[2-9A-HJ-NP-Z]{12}$/);
    expect(wallet.pesepay.to(pesepayInitiate)).toEqual([{
      merchant_reference: topUp.reference, mode: 'live', currency: 'USD', amount_minor: '500', reason: `Airtime wallet top-up ${topUp.reference}`,
      result_url: 'https://api.example.com/callbacks/pesepay', return_url: `https://api.example.com/callbacks/pesepay/return?reference=${topUp.reference}`,
    }]);
    expect(await topUpsOf(accountId)).toEqual([{ status: 'pending', provider_reference: pesepayReference }]);
  });

  it('records a top-up Pesepay refused as failed, and answers the refusal', async () => {
    const accountId = randomUUID();
    wallet.pesepay.on(pesepayInitiate, () => {
      throw new PlatformError('UPSTREAM_UNAVAILABLE' as never, 'Pesepay is down');
    });

    expect((await failureOf(create(accountId))).message).toBe('Pesepay is down');
    expect(await topUpsOf(accountId)).toEqual([{ status: 'failed', provider_reference: null }]);
  });

  it('refuses a currency wallets do not hold, and an amount over the largest transfer, before asking Pesepay', async () => {
    const accountId = randomUUID();
    expect((await failureOf(create(accountId, { currency: 'XYZ' }))).code).toBe('UNSUPPORTED_CURRENCY');
    expect((await failureOf(create(accountId, { amount_minor: '999999999999999999' }))).code).toBe('AMOUNT_TOO_LARGE');
    expect(wallet.pesepay.requests).toEqual([]);
    expect(await topUpsOf(accountId)).toEqual([]);
  });
});
