import { randomUUID } from 'node:crypto';
import { type PesepayPaymentView, Rpc } from '@airtime/contracts';
import { FakePeers } from '@airtime/platform/testing';
import type { TopUpView } from '@airtime/contracts';
import { type RunningWallet, startWalletService } from './start-wallet-service.js';
import type { TopUpRow } from '../topups/top-up-row.js';

export interface WalletWithPesepay extends RunningWallet {
  /** provider-adapters' Pesepay subjects, answering as each test sets them up. */
  pesepay: FakePeers;
}

/** The real wallet service, with provider-adapters' Pesepay subjects faked; expiry is swept by hand. */
export async function startWalletWithPesepay(): Promise<WalletWithPesepay> {
  const { pesepayInitiate, pesepayCheck, pesepayDecodeCallback } = Rpc.providerAdapters;
  const pesepay = new FakePeers([pesepayInitiate, pesepayCheck, pesepayDecodeCallback]);
  await pesepay.start(process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222');
  const wallet = await startWalletService({ TOPUP_SWEEP_SECONDS: '0', PUBLIC_BASE_URL: 'https://api.example.com' });
  return {
    ...wallet,
    pesepay,
    async stop() {
      await wallet.stop();
      await pesepay.stop();
    },
  };
}

/** Pesepay's word on a payment of `amount` USD minor units. */
export function payment(status: PesepayPaymentView['status'], amount = '500', extra: Partial<PesepayPaymentView> = {}): PesepayPaymentView {
  return {
    pesepay_reference: `PSP-${randomUUID()}`, merchant_reference: null, mode: 'live', status, upstream_status: status.toUpperCase(),
    currency: 'USD', amount_minor: amount, redirect_url: 'https://pay.example.com/x', poll_url: null, ...extra,
  };
}

/** A top-up put straight into the table as `status`, with Pesepay's reference, expiring in `expiresInSeconds`. */
export async function seedTopUp(
  wallet: RunningWallet,
  status: TopUpView['status'],
  options: { accountId?: string; amount?: string; expiresInSeconds?: number; paymentReference?: string | null; mode?: TopUpView['mode']; currency?: string } = {},
): Promise<TopUpRow> {
  const [row] = (await wallet.db.query(
    `INSERT INTO topups (reference, owner_account_id, mode, currency, amount, provider, provider_reference, status, expires_at)
     VALUES ($1, $2, $7, $8, $3, 'pesepay', $4, $5, now() + make_interval(secs => $6)) RETURNING *`,
    [`TOP-${randomUUID().slice(0, 12).toUpperCase()}`, options.accountId ?? randomUUID(), options.amount ?? '500',
      options.paymentReference === undefined ? `PSP-${randomUUID()}` : options.paymentReference, status, options.expiresInSeconds ?? 1800,
      options.mode ?? 'live', options.currency ?? 'USD'],
  )) as TopUpRow[];
  return row as TopUpRow;
}

/** Credits and events straight from the tables. */
export async function creditsOf(wallet: RunningWallet, topUpId: string): Promise<number> {
  return Number(((await wallet.db.query(`SELECT count(*) AS n FROM transfers WHERE idempotency_key = $1`, [`topup:${topUpId}`])) as { n: string }[])[0]?.n);
}

export async function eventTypes(wallet: RunningWallet, accountId: string): Promise<string[]> {
  return ((await wallet.db.query(`SELECT type FROM wallet_events WHERE account_id = $1 AND type LIKE 'topup.%' ORDER BY id`, [accountId])) as { type: string }[]).map((e) => e.type);
}
