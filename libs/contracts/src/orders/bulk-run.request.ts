import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { IsLookupIds } from '../paging/page.js';

/** A batch_reference: what makes POST /api/v1/bulk idempotent; rows without agent_reference get `<batch_reference>-r<row>`. */
export const BATCH_REFERENCE_PATTERN = /^[\x21-\x7E]{1,64}$/;

/** Runs a checked preview as a batch; the same batch_reference again answers the same batch. */
export class RunBulkRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsUUID() preview_id: string;
  @Matches(BATCH_REFERENCE_PATTERN, { message: '$property must be 1 to 64 printable ASCII characters without spaces' }) batch_reference: string;
}

export class BulkBatchRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsUUID() batch_id: string;
}

/** Several bulk batches' progress by id, in one request; ids not found (or not bulk batches of the account and mode) are left out. */
export class GetBulkBatchesRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsLookupIds() @IsUUID('all', { each: true }) batch_ids: string[];
}

/** A page of a batch's rows for results.csv, by row number. */
export class BulkResultsRequest extends BulkBatchRequest {
  @IsOptional() @IsInt() @Min(0) after_row?: number;
  @IsOptional() @IsInt() @Min(1) @Max(1000) limit?: number;
}

export type BulkBatchStatus = 'running' | 'cancelled' | 'completed';

export interface BulkAmountView {
  currency: string;
  /** Delivered (success). */
  sent: string;
  sent_minor: string;
  /** Debited and given back (refunded). */
  refunded: string;
  refunded_minor: string;
}

/**
 * A sheet's batch: each row `queued` (not yet made an order), `skipped` (cancelled before dispatch),
 * `invalid` (failed the preview's checks), `refused` (the order was refused when made), or the
 * status of its order (pending, success, failed, refunded, unknown, reversed).
 */
export interface BulkBatchView {
  batch_id: string;
  batch_reference: string;
  mode: ApiKeyMode;
  status: BulkBatchStatus;
  row_count: number;
  counts: Record<string, number>;
  amounts: BulkAmountView[];
  created_at: string;
  completed_at: string | null;
}

export interface BulkResultRowView {
  row: number;
  target: string;
  amount: string;
  product_id: number | null;
  agent_reference: string;
  custom_sms: string | null;
  status: string;
  order_id: string | null;
  provider_ref: string | null;
  error: string | null;
}

export interface BulkResultsPageView {
  rows: BulkResultRowView[];
  /** Pass as after_row for the next page; null on the last. */
  next_after_row: number | null;
}

/**
 * Published once per bulk batch when every row is final (on `<prefix>orders.events.<account_id>.batch_completed`,
 * beside the order events); a cancelled batch announces it too, with status `cancelled`.
 */
export interface BatchCompletedEvent {
  id: string;
  type: 'batch.completed';
  occurred_at: string;
  batch: BulkBatchView;
}
