import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { formatMinor, isSupportedCurrency } from '@airtime/money';
import {
  type CreateTopUpRequest,
  type PesepayPaymentView,
  Subjects,
  type TopUpStatus,
  type TopUpView,
} from '@airtime/contracts';
import { PlatformError, rows, RpcClient } from '@airtime/platform';
import { WalletConfig } from '../config/wallet.config.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { amountTooLarge, unsupportedCurrency } from '../ledger/ledger.exceptions.js';
import { WalletEventsPublisher } from '../events/wallet-events.publisher.js';
import { generateTopUpReference } from './top-up-reference.js';

interface TopUpRow {
  id: string;
  reference: string;
  owner_account_id: string;
  mode: TopUpView['mode'];
  currency: string;
  amount: string;
  provider: string;
  provider_reference: string | null;
  redirect_url: string | null;
  status: TopUpStatus;
  created_at: Date;
  expires_at: Date;
  completed_at: Date | null;
}

const OPEN: TopUpStatus[] = ['initiating', 'pending'];

/**
 * Pesepay top-ups. The top-up row is written before Pesepay is called, so a payment can always be
 * matched to it. Pesepay's word is taken only from its own status check, never from a callback's
 * body, and the credit is keyed by the top-up, so a callback, a duplicate callback and a status poll
 * racing each other credit the wallet exactly once.
 */
@Injectable()
export class TopUpsService {
  private readonly logger = new Logger(TopUpsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: WalletConfig,
    private readonly ledger: LedgerService,
    private readonly rpc: RpcClient,
    private readonly events: WalletEventsPublisher,
  ) {}

  async create(request: CreateTopUpRequest): Promise<TopUpView> {
    if (!this.config.currencies().has(request.currency) || !isSupportedCurrency(request.currency)) throw unsupportedCurrency(request.currency);
    if (BigInt(request.amount_minor) > this.config.maxTransferMinor()) throw amountTooLarge(this.config.maxTransferMinor());
    const reference = generateTopUpReference();
    const [topUp] = await rows<TopUpRow>(
      this.dataSource.manager,
      `INSERT INTO topups (reference, owner_account_id, mode, currency, amount, provider, status, expires_at)
       VALUES ($1, $2, $3, $4, $5, 'pesepay', 'initiating', now() + make_interval(secs => $6))
       RETURNING *`,
      [reference, request.account_id, request.mode, request.currency, request.amount_minor, this.config.TOPUP_TTL_SECONDS],
    );
    let payment: PesepayPaymentView;
    try {
      payment = await this.rpc.request<PesepayPaymentView>(Subjects.providerAdapters.pesepayInitiate, {
        merchant_reference: reference,
        mode: request.mode,
        currency: request.currency,
        amount_minor: request.amount_minor,
        reason: `Airtime wallet top-up ${reference}`,
        result_url: new URL('/callbacks/pesepay', this.config.PUBLIC_BASE_URL).toString(),
        return_url: new URL(`/callbacks/pesepay/return?reference=${reference}`, this.config.PUBLIC_BASE_URL).toString(),
      }, this.config.TOPUP_INITIATE_TIMEOUT_MS);
    } catch (error) {
      await this.dataSource.query(`UPDATE topups SET status = 'failed', updated_at = now(), completed_at = now() WHERE id = $1`, [topUp?.id]);
      throw error;
    }
    const [pending] = await rows<TopUpRow>(
      this.dataSource.manager,
      `UPDATE topups SET status = 'pending', provider_reference = $2, redirect_url = $3, upstream_status = $4, updated_at = now()
        WHERE id = $1 RETURNING *`,
      [topUp?.id, payment.pesepay_reference, payment.redirect_url, payment.upstream_status],
    );
    return toTopUpView(pending as TopUpRow);
  }

  /** The tenant's view; a pending top-up is checked with Pesepay first. */
  async get(accountId: string, mode: TopUpView['mode'], reference: string): Promise<TopUpView> {
    // The mode is part of the key: a test key is told a live top-up does not exist.
    const [topUp] = await rows<TopUpRow>(this.dataSource.manager, `SELECT * FROM topups WHERE reference = $1 AND owner_account_id = $2 AND mode = $3`, [reference, accountId, mode]);
    if (!topUp) throw new PlatformError('TOPUP_NOT_FOUND', 'Top-up not found');
    if (topUp.status !== 'pending' || !topUp.provider_reference) return toTopUpView(topUp);
    try {
      return await this.reconcile(topUp);
    } catch (error) {
      this.logger.warn(`status check of ${reference} failed: ${(error as Error).message}`);
      return toTopUpView(topUp);
    }
  }

  /**
   * A Pesepay result callback: it must decrypt under our key (the adapter checks), name a top-up we
   * started, and then the payment's status is asked of Pesepay itself before anything is credited.
   */
  async callback(payload: string): Promise<TopUpView> {
    const announced = await this.rpc.request<PesepayPaymentView>(Subjects.providerAdapters.pesepayDecodeCallback, { payload });
    const [topUp] = await rows<TopUpRow>(this.dataSource.manager, `SELECT * FROM topups WHERE provider_reference = $1`, [announced.pesepay_reference]);
    if (!topUp) throw new PlatformError('TOPUP_NOT_FOUND', 'No top-up with this payment reference');
    return this.reconcile(topUp);
  }

  /** Open top-ups past their expiry: asked once more, then expired if Pesepay still has nothing. */
  async sweepExpired(limit = 100): Promise<number> {
    const due = await rows<TopUpRow>(
      this.dataSource.manager,
      `SELECT * FROM topups WHERE status IN ('initiating', 'pending') AND expires_at < now() ORDER BY expires_at LIMIT $1`,
      [limit],
    );
    for (const topUp of due) {
      try {
        const settled = topUp.provider_reference ? await this.reconcile(topUp) : toTopUpView(topUp);
        if (settled.status === 'pending' || settled.status === 'initiating') {
          await this.setStatus(topUp, 'expired', null, null, OPEN);
        }
      } catch (error) {
        this.logger.warn(`expiry check of ${topUp.reference} failed: ${(error as Error).message}`);
      }
    }
    return due.length;
  }

  private async reconcile(topUp: TopUpRow): Promise<TopUpView> {
    const payment = await this.rpc.request<PesepayPaymentView>(Subjects.providerAdapters.pesepayCheck, {
      pesepay_reference: topUp.provider_reference,
      mode: topUp.mode,
    });
    if (payment.status === 'paid') {
      if (payment.currency !== topUp.currency || payment.amount_minor !== String(topUp.amount)) {
        this.logger.error(`top-up ${topUp.reference}: Pesepay reports ${payment.amount_minor} ${payment.currency}, expected ${topUp.amount} ${topUp.currency}; not credited`);
        return toTopUpView(topUp);
      }
      // Paid is paid, even after we gave up waiting: an expired top-up is still credited.
      const credit = await this.ledger.credit({
        idempotency_key: `topup:${topUp.id}`,
        account_id: topUp.owner_account_id,
        mode: topUp.mode,
        currency: topUp.currency,
        amount_minor: String(topUp.amount),
        kind: 'topup',
        source: topUp.provider,
        description: `Top-up ${topUp.reference} via Pesepay`,
      });
      return this.setStatus(topUp, 'paid', payment.upstream_status, credit.id, [...OPEN, 'expired']);
    }
    if (payment.status === 'failed' || payment.status === 'cancelled') {
      return this.setStatus(topUp, payment.status, payment.upstream_status, null, OPEN);
    }
    return toTopUpView(topUp);
  }

  /** The status change and its event (topup.<status>) in one transaction; a repeat changes nothing. */
  private async setStatus(topUp: TopUpRow, status: TopUpStatus, upstream: string | null, creditId: string | null, from: TopUpStatus[]): Promise<TopUpView> {
    const view = await this.dataSource.transaction(async (m) => {
      const [changed] = await rows<TopUpRow>(
        m,
        `UPDATE topups SET status = $2, upstream_status = coalesce($3, upstream_status), credit_transfer_id = coalesce($4, credit_transfer_id), updated_at = now(), completed_at = now()
          WHERE id = $1 AND status = ANY($5) RETURNING *`,
        [topUp.id, status, upstream, creditId, from],
      );
      if (!changed) return undefined;
      const changedView = toTopUpView(changed);
      await m.query(`INSERT INTO wallet_events (account_id, type, payload) VALUES ($1, $2, $3)`, [
        changed.owner_account_id,
        `topup.${status}`,
        { type: `topup.${status}`, occurred_at: new Date().toISOString(), account_id: changed.owner_account_id, mode: changed.mode, topup: changedView },
      ]);
      return changedView;
    });
    if (view) {
      this.events.nudge();
      return view;
    }
    const [current] = await rows<TopUpRow>(this.dataSource.manager, `SELECT * FROM topups WHERE id = $1`, [topUp.id]);
    return toTopUpView(current as TopUpRow);
  }
}

function toTopUpView(row: TopUpRow): TopUpView {
  return {
    reference: row.reference,
    status: row.status,
    mode: row.mode,
    currency: row.currency,
    amount_minor: String(row.amount),
    amount: formatMinor(BigInt(row.amount), row.currency),
    provider: row.provider,
    redirect_url: row.redirect_url,
    created_at: new Date(row.created_at).toISOString(),
    expires_at: new Date(row.expires_at).toISOString(),
    completed_at: row.completed_at ? new Date(row.completed_at).toISOString() : null,
  };
}
