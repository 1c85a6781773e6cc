import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { formatMinor } from '@airtime/money';
import { BULK_PREVIEW_MAX_LISTED, type BulkPreviewRowView, type BulkPreviewView, type BulkTotalView } from '@airtime/contracts';
import { rows } from '@airtime/platform';
import type { ProductRow } from '../../../catalogue/product-row.js';
import { type BulkPreviewRow, BulkPreviewStore, type BulkRowCheck, type BulkStagedRow } from '../../bulk-preview-store.js';
import { previewNotFound } from '../../bulk.exceptions.js';
import { checkBulkRows } from '../../check-bulk-rows.js';
import { PreviewBulkCommand } from './preview-bulk.command.js';

/**
 * Checks a staged sheet against the catalogue and itself, keeps each row's check with the preview
 * (a run pays exactly what was previewed) and answers the counts, the totals per currency and the
 * rows that need a look. Moves no money. Checking again re-reads the catalogue, so a preview can be
 * refreshed after a product changes.
 */
@Injectable()
export class PreviewBulkUseCase {
  constructor(
    private readonly previews: BulkPreviewStore,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async execute(command: PreviewBulkCommand): Promise<BulkPreviewView> {
    const { account_id: accountId, mode, preview_id: previewId } = command.request;
    const preview = await this.previews.live(accountId, mode, previewId);
    if (!preview) throw previewNotFound();
    const staged = await this.previews.rowsOf(previewId);
    // The whole catalogue is a few dozen rows: read once, not once per row.
    const products = await rows<ProductRow>(this.dataSource, `SELECT * FROM products WHERE active ORDER BY id`);
    const checks = checkBulkRows(staged, products);
    await this.previews.saveChecks(previewId, checks);
    return previewView(preview, staged, checks);
  }
}

export function previewView(preview: BulkPreviewRow, staged: BulkStagedRow[], checks: BulkRowCheck[]): BulkPreviewView {
  const totals = new Map<string, { count: number; minor: bigint }>();
  const listed: BulkPreviewRowView[] = [];
  let listable = 0;
  const counts = { ok: 0, warning: 0, error: 0 };
  checks.forEach((check, index) => {
    counts[check.status]++;
    if (check.status !== 'error' && check.resolved_currency && check.amount_minor !== null) {
      const total = totals.get(check.resolved_currency) ?? { count: 0, minor: 0n };
      totals.set(check.resolved_currency, { count: total.count + 1, minor: total.minor + check.amount_minor });
    }
    if (check.status === 'ok') return;
    listable++;
    if (listed.length >= BULK_PREVIEW_MAX_LISTED) return;
    const input = staged[index] as BulkStagedRow;
    listed.push({
      row: check.row, status: check.status, target: check.msisdn ?? input.target, amount: input.amount,
      product_id: check.resolved_product_id ?? input.product_id, currency: check.resolved_currency ?? input.currency,
      errors: check.errors, warnings: check.warnings,
    });
  });
  const totalViews: BulkTotalView[] = [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, t]) => ({
    currency, count: t.count, amount: formatMinor(t.minor, currency), amount_minor: t.minor.toString(),
  }));
  return {
    preview_id: preview.id, mode: preview.mode, expires_at: new Date(preview.expires_at).toISOString(), row_count: checks.length,
    ok_count: counts.ok, warning_count: counts.warning, error_count: counts.error, totals: totalViews, rows: listed, rows_truncated: listable > listed.length,
  };
}
