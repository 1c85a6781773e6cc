import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type ApiKeyMode, BULK_PREVIEW_TTL_HOURS, type BulkIssue, type BulkRowInput, type BulkRowStatus } from '@airtime/contracts';
import { rows } from '@airtime/platform';

export interface BulkPreviewRow {
  id: string;
  account_id: string;
  mode: ApiKeyMode;
  status: 'staging' | 'checked';
  row_count: number;
  created_at: Date;
  expires_at: Date;
}

/** A staged row and, once checked, what it buys or why it cannot. */
export interface BulkStagedRow {
  row: number;
  target: string;
  amount: string;
  product_id: number | null;
  agent_reference: string | null;
  custom_sms: string | null;
  currency: string | null;
  status: BulkRowStatus | null;
  resolved_product_id: number | null;
  msisdn: string | null;
  amount_minor: string | null;
  resolved_currency: string | null;
  errors: BulkIssue[];
  warnings: BulkIssue[];
}

export interface BulkRowCheck {
  row: number;
  status: BulkRowStatus;
  resolved_product_id: number | null;
  msisdn: string | null;
  amount_minor: bigint | null;
  resolved_currency: string | null;
  errors: BulkIssue[];
  warnings: BulkIssue[];
}

const PREVIEW = 'id, account_id, mode, status, row_count, created_at, expires_at';

/** Every read and write of `bulk_previews` and `bulk_preview_rows`. */
@Injectable()
export class BulkPreviewStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(accountId: string, mode: ApiKeyMode): Promise<BulkPreviewRow> {
    // Expired previews are dropped as new ones are made: nothing else ever reads them.
    await this.dataSource.query(`DELETE FROM bulk_previews WHERE id IN (SELECT id FROM bulk_previews WHERE expires_at < now() LIMIT 100)`);
    const [preview] = await rows<BulkPreviewRow>(
      this.dataSource,
      `INSERT INTO bulk_previews (account_id, mode, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3)) RETURNING ${PREVIEW}`,
      [accountId, mode, BULK_PREVIEW_TTL_HOURS],
    );
    return preview as BulkPreviewRow;
  }

  /** The account's unexpired preview in `mode`. */
  async live(accountId: string, mode: ApiKeyMode, id: string): Promise<BulkPreviewRow | undefined> {
    const [preview] = await rows<BulkPreviewRow>(
      this.dataSource,
      `SELECT ${PREVIEW} FROM bulk_previews WHERE id = $1 AND account_id = $2 AND mode = $3 AND expires_at > now()`,
      [id, accountId, mode],
    );
    return preview;
  }

  /**
   * Adds rows to a preview still being staged, in one statement; a row number already staged is
   * refused by the key, so a chunk sent twice cannot double a row. Answers the new row count, or
   * undefined when the preview is not (or no longer) staging.
   */
  async stage(previewId: string, staged: BulkRowInput[]): Promise<number | undefined> {
    return this.dataSource.transaction(async (m) => {
      const [preview] = await rows<{ row_count: number }>(
        m,
        `UPDATE bulk_previews SET row_count = row_count + $2 WHERE id = $1 AND status = 'staging' AND expires_at > now() RETURNING row_count`,
        [previewId, staged.length],
      );
      if (!preview) return undefined;
      if (staged.length > 0) {
        await m.query(
          `INSERT INTO bulk_preview_rows (preview_id, row, target, amount, product_id, agent_reference, custom_sms, currency, errors)
           SELECT $1, r.row, r.target, r.amount, r.product_id, r.agent_reference, r.custom_sms, r.currency, coalesce(r.errors, '[]')
             FROM jsonb_to_recordset($2::jsonb) AS r(row int, target text, amount text, product_id int, agent_reference text, custom_sms text, currency text, errors jsonb)`,
          [previewId, JSON.stringify(staged)],
        );
      }
      return preview.row_count;
    });
  }

  async rowsOf(previewId: string): Promise<BulkStagedRow[]> {
    return rows<BulkStagedRow>(this.dataSource, `SELECT * FROM bulk_preview_rows WHERE preview_id = $1 ORDER BY row`, [previewId]);
  }

  /** Writes every row's check and marks the preview checked, in one transaction. */
  async saveChecks(previewId: string, checks: BulkRowCheck[]): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `UPDATE bulk_preview_rows p SET status = c.status, resolved_product_id = c.resolved_product_id, msisdn = c.msisdn,
           amount_minor = c.amount_minor::bigint, resolved_currency = c.resolved_currency, errors = c.errors, warnings = c.warnings
           FROM jsonb_to_recordset($2::jsonb) AS c(row int, status text, resolved_product_id int, msisdn text, amount_minor text, resolved_currency text, errors jsonb, warnings jsonb)
          WHERE p.preview_id = $1 AND p.row = c.row`,
        [previewId, JSON.stringify(checks, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))],
      );
      await m.query(`UPDATE bulk_previews SET status = 'checked' WHERE id = $1`, [previewId]);
    });
  }
}
