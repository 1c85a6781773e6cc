import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PesepayPaymentView, TopUpStatus, TopUpView } from '@airtime/contracts';
import { type PageSeek, rows, seekSql } from '@airtime/platform';
import { type TopUpRow, toTopUpView } from './top-up-row.js';

/** Every read and write of the `topups` table; a status change writes its event in the same transaction. */
@Injectable()
export class TopUpStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new top-up, `initiating` until Pesepay has been asked, open for `ttlSeconds`. */
  async insert(t: { reference: string; accountId: string; mode: TopUpView['mode']; currency: string; amountMinor: string; ttlSeconds: number }): Promise<TopUpRow> {
    const [topUp] = await rows<TopUpRow>(
      this.dataSource.manager,
      `INSERT INTO topups (reference, owner_account_id, mode, currency, amount, provider, status, expires_at)
       VALUES ($1, $2, $3, $4, $5, 'pesepay', 'initiating', now() + make_interval(secs => $6))
       RETURNING *`,
      [t.reference, t.accountId, t.mode, t.currency, t.amountMinor, t.ttlSeconds],
    );
    return topUp as TopUpRow;
  }

  /** Pesepay could not be asked: the top-up ends here, nothing to pay. */
  async markFailedToInitiate(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE topups SET status = 'failed', updated_at = now(), completed_at = now() WHERE id = $1`, [id]);
  }

  /** Pesepay took the payment: the tenant pays at its redirect URL. */
  async markPending(id: string, payment: PesepayPaymentView): Promise<TopUpRow> {
    const [pending] = await rows<TopUpRow>(
      this.dataSource.manager,
      `UPDATE topups SET status = 'pending', provider_reference = $2, redirect_url = $3, upstream_status = $4, updated_at = now()
        WHERE id = $1 RETURNING *`,
      [id, payment.pesepay_reference, payment.redirect_url, payment.upstream_status],
    );
    return pending as TopUpRow;
  }

  /** The mode is part of the key: a test key is told a live top-up does not exist. */
  async byReference(accountId: string, mode: TopUpView['mode'], reference: string): Promise<TopUpRow | undefined> {
    const [topUp] = await rows<TopUpRow>(this.dataSource.manager, `SELECT * FROM topups WHERE reference = $1 AND owner_account_id = $2 AND mode = $3`, [reference, accountId, mode]);
    return topUp;
  }

  /** The account's top-ups in `mode` matching the filter, within the seek's bounds on `seq`, in its direction. */
  async list(filter: { accountId: string; mode: TopUpView['mode']; status?: TopUpStatus; currency?: string }, seek: PageSeek): Promise<TopUpRow[]> {
    const parameters: unknown[] = [filter.accountId, filter.mode];
    const where = ['owner_account_id = $1', 'mode = $2'];
    if (filter.status !== undefined) where.push(`status = $${parameters.push(filter.status)}`);
    if (filter.currency !== undefined) where.push(`currency = $${parameters.push(filter.currency)}`);
    const page = seekSql('seq', seek, parameters);
    return rows<TopUpRow>(this.dataSource.manager, `SELECT * FROM topups WHERE ${[...where, ...page.where].join(' AND ')} ${page.tail}`, parameters);
  }

  async byPaymentReference(pesepayReference: string): Promise<TopUpRow | undefined> {
    const [topUp] = await rows<TopUpRow>(this.dataSource.manager, `SELECT * FROM topups WHERE provider_reference = $1`, [pesepayReference]);
    return topUp;
  }

  async byId(id: string): Promise<TopUpRow | undefined> {
    const [topUp] = await rows<TopUpRow>(this.dataSource.manager, `SELECT * FROM topups WHERE id = $1`, [id]);
    return topUp;
  }

  /** Open top-ups past their expiry, the longest expired first. */
  async openPastExpiry(limit: number): Promise<TopUpRow[]> {
    return rows<TopUpRow>(
      this.dataSource.manager,
      `SELECT * FROM topups WHERE status IN ('initiating', 'pending') AND expires_at < now() ORDER BY expires_at LIMIT $1`,
      [limit],
    );
  }

  /**
   * Moves the top-up from one of `from` to `status` with its event (topup.<status>) in one
   * transaction; undefined when it was in none of them (a repeat changes nothing).
   */
  async settle(id: string, status: TopUpStatus, upstream: string | null, creditId: string | null, from: TopUpStatus[]): Promise<TopUpView | undefined> {
    return this.dataSource.transaction(async (m) => {
      const [changed] = await rows<TopUpRow>(
        m,
        `UPDATE topups SET status = $2, upstream_status = coalesce($3, upstream_status), credit_transfer_id = coalesce($4, credit_transfer_id), updated_at = now(), completed_at = now()
          WHERE id = $1 AND status = ANY($5) RETURNING *`,
        [id, status, upstream, creditId, from],
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
  }
}
