import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ApiKeyMode } from '@airtime/contracts';
import { type PageSeek, rows, seekSql } from '@airtime/platform';
import type { InternalOrderStatus } from '../orders/order-row.js';
import { publicStatus } from '../orders/order-row.js';
import { budgetShareOf, type CampaignFigures, type CampaignRow, NO_FIGURES, type PayoutRow, RELEASED_ORDER_STATUSES } from './campaign-row.js';

const COLUMNS = 'id, seq, account_id, mode, name, product_id, currency, amount_minor, min_minor, max_minor, budget_minor, ends_at, one_per_phone, paused, secret_sealed, created_at';

/** A payout with its order, found by the agent_reference the payout gave it (in the campaign's account and mode). */
const PAYOUTS = `
  SELECT p.id, p.seq, p.campaign_id, p.completion_id, p.phone, p.amount_minor, p.agent_reference, p.created_at, o.id AS order_id, o.status AS order_status
    FROM campaign_payouts p
    JOIN campaigns c ON c.id = p.campaign_id
    LEFT JOIN orders o ON o.account_id = c.account_id AND o.mode = c.mode AND o.agent_reference = p.agent_reference`;

export interface NewCampaign {
  account_id: string;
  mode: ApiKeyMode;
  name: string;
  product_id: number;
  currency: string;
  amount_minor: bigint | null;
  min_minor: bigint | null;
  max_minor: bigint | null;
  budget_minor: bigint;
  ends_at: string | null;
  one_per_phone: boolean;
  secret_sealed: string;
}

export interface NewPayout {
  campaign_id: string;
  completion_id: string;
  phone: string;
  amount_minor: bigint;
  agent_reference: string;
}

/** Every read and write of `campaigns` and `campaign_payouts` (a payout's order is the OrderStore's). */
@Injectable()
export class CampaignStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(campaign: NewCampaign): Promise<CampaignRow> {
    const [row] = await rows<CampaignRow>(
      this.dataSource,
      `INSERT INTO campaigns (account_id, mode, name, product_id, currency, amount_minor, min_minor, max_minor, budget_minor, ends_at, one_per_phone, secret_sealed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${COLUMNS}`,
      [
        campaign.account_id, campaign.mode, campaign.name, campaign.product_id, campaign.currency, campaign.amount_minor?.toString() ?? null,
        campaign.min_minor?.toString() ?? null, campaign.max_minor?.toString() ?? null, campaign.budget_minor.toString(), campaign.ends_at,
        campaign.one_per_phone, campaign.secret_sealed,
      ],
    );
    return row as CampaignRow;
  }

  /** Any campaign by id, whoever owns it: a payout request names only the campaign. */
  async byId(id: string, on: DataSource | EntityManager = this.dataSource, lock = false): Promise<CampaignRow | undefined> {
    const [row] = await rows<CampaignRow>(on, `SELECT ${COLUMNS} FROM campaigns WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row;
  }

  async byIds(accountId: string, mode: ApiKeyMode, ids: string[]): Promise<CampaignRow[]> {
    return rows<CampaignRow>(this.dataSource, `SELECT ${COLUMNS} FROM campaigns WHERE account_id = $1 AND mode = $2 AND id = ANY($3)`, [accountId, mode, ids]);
  }

  async list(accountId: string, mode: ApiKeyMode, seek: PageSeek): Promise<CampaignRow[]> {
    const parameters: unknown[] = [accountId, mode];
    const page = seekSql('seq', seek, parameters);
    return rows<CampaignRow>(this.dataSource, `SELECT ${COLUMNS} FROM campaigns WHERE ${['account_id = $1', 'mode = $2', ...page.where].join(' AND ')} ${page.tail}`, parameters);
  }

  async update(accountId: string, mode: ApiKeyMode, id: string, changes: { paused?: boolean; secret_sealed?: string }): Promise<CampaignRow | undefined> {
    const [row] = await rows<CampaignRow>(
      this.dataSource,
      `UPDATE campaigns SET paused = COALESCE($4, paused), secret_sealed = COALESCE($5, secret_sealed)
        WHERE id = $1 AND account_id = $2 AND mode = $3 RETURNING ${COLUMNS}`,
      [id, accountId, mode, changes.paused ?? null, changes.secret_sealed ?? null],
    );
    return row;
  }

  /** Each campaign's payouts counted by order status and summed by budget share. */
  async figures(campaignIds: string[], on: DataSource | EntityManager = this.dataSource): Promise<Map<string, CampaignFigures>> {
    const found = await rows<{ campaign_id: string; order_status: InternalOrderStatus | null; n: string; total: string }>(
      on,
      `SELECT campaign_id, order_status, count(*) AS n, sum(amount_minor) AS total FROM (${PAYOUTS} WHERE p.campaign_id = ANY($1)) payouts
        GROUP BY campaign_id, order_status`,
      [campaignIds],
    );
    const figures = new Map<string, CampaignFigures>();
    for (const row of found) {
      const current = figures.get(row.campaign_id) ?? { ...NO_FIGURES, counts: {} };
      const status = row.order_status ? publicStatus(row.order_status) : 'pending';
      current.counts[status] = (current.counts[status] ?? 0) + Number(row.n);
      const share = budgetShareOf(row.order_status);
      if (share === 'spent') current.spent += BigInt(row.total);
      if (share === 'in_flight') current.inFlight += BigInt(row.total);
      figures.set(row.campaign_id, current);
    }
    return figures;
  }

  async payoutByCompletion(campaignId: string, completionId: string, on: DataSource | EntityManager = this.dataSource): Promise<PayoutRow | undefined> {
    const [row] = await rows<PayoutRow>(on, `${PAYOUTS} WHERE p.campaign_id = $1 AND p.completion_id = $2`, [campaignId, completionId]);
    return row;
  }

  /** Whether the phone holds a payout of the campaign that was not given back (failed or refunded). */
  async phoneHeld(campaignId: string, phone: string, on: EntityManager): Promise<boolean> {
    const [row] = await rows<{ n: string }>(
      on,
      `SELECT count(*) AS n FROM (${PAYOUTS} WHERE p.campaign_id = $1 AND p.phone = $2) payouts WHERE order_status IS NULL OR NOT (order_status = ANY($3))`,
      [campaignId, phone, RELEASED_ORDER_STATUSES],
    );
    return Number(row?.n ?? 0) > 0;
  }

  async insertPayout(payout: NewPayout, on: EntityManager): Promise<void> {
    await on.query(
      `INSERT INTO campaign_payouts (campaign_id, completion_id, phone, amount_minor, agent_reference) VALUES ($1, $2, $3, $4, $5)`,
      [payout.campaign_id, payout.completion_id, payout.phone, payout.amount_minor.toString(), payout.agent_reference],
    );
  }

  /**
   * Payouts admitted at least `graceSeconds` ago whose order was never made (the process stopped
   * between committing the payout and creating its order), oldest first.
   */
  async orphanedPayouts(graceSeconds: number, limit: number): Promise<PayoutRow[]> {
    return rows<PayoutRow>(
      this.dataSource,
      `${PAYOUTS} WHERE o.id IS NULL AND p.created_at < now() - make_interval(secs => $1) ORDER BY p.seq LIMIT $2`,
      [graceSeconds, limit],
    );
  }

  /** A payout whose order could not even be made (its product withdrawn): it holds no budget. */
  async deletePayoutWithoutOrder(campaignId: string, completionId: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM campaign_payouts p USING campaigns c
        WHERE p.campaign_id = $1 AND p.completion_id = $2 AND c.id = p.campaign_id
          AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.account_id = c.account_id AND o.mode = c.mode AND o.agent_reference = p.agent_reference)`,
      [campaignId, completionId],
    );
  }

  async listPayouts(campaignId: string, seek: PageSeek): Promise<PayoutRow[]> {
    const parameters: unknown[] = [campaignId];
    const page = seekSql('p.seq', seek, parameters);
    return rows<PayoutRow>(this.dataSource, `${PAYOUTS} WHERE ${['p.campaign_id = $1', ...page.where].join(' AND ')} ${page.tail}`, parameters);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
