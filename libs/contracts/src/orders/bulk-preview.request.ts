import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { IsProductId } from '../validation/is-product-id.js';

/** The most rows one sheet may carry (001's bulk limit). */
export const BULK_MAX_ROWS = 10_000;
/**
 * The most rows one staging request carries: 1,000 rows of at most ~450 bytes of JSON each stay well
 * under NATS's default 1 MB message, so a 10,000-row sheet travels as ten messages, never one.
 */
export const BULK_STAGE_CHUNK = 1_000;
/** How long a preview can be run after it was made (documented in the README). */
export const BULK_PREVIEW_TTL_HOURS = 24;

/** A problem with one cell of a sheet (`column` null: the row as a whole). */
export class BulkIssue {
  @IsInt() @Min(1) row: number;
  @IsOptional() @IsString() @MaxLength(32) column: string | null;
  @IsString() @MaxLength(40) code: string;
  @IsString() @MaxLength(300) message: string;
}

/**
 * One row of a sheet as the gateway read it. Cells are as written (trimmed); a row the gateway could
 * not read carries its `errors` and is kept only so the preview and results can name it.
 */
export class BulkRowInput {
  /** Its line in the sheet, the header being row 1. */
  @IsInt() @Min(2) @Max(BULK_MAX_ROWS + 1) row: number;
  @IsString() @MaxLength(100) target: string;
  @IsString() @MaxLength(100) amount: string;
  @IsOptional() @IsProductId() product_id?: number;
  @IsOptional() @IsString() @MaxLength(100) agent_reference?: string;
  @IsOptional() @IsString() @MaxLength(200) custom_sms?: string;
  @IsOptional() @IsString() @Length(3, 3) currency?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => BulkIssue) errors?: BulkIssue[];
}

/** Rows of a sheet, sent in chunks; the first chunk (no preview_id) starts a preview, the rest add to it. */
export class StageBulkRowsRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsOptional() @IsUUID() preview_id?: string;
  @IsArray() @ArrayMinSize(0) @ArrayMaxSize(BULK_STAGE_CHUNK) @ValidateNested({ each: true }) @Type(() => BulkRowInput) rows: BulkRowInput[];
}

export interface StagedBulkRowsView {
  preview_id: string;
  row_count: number;
}

/** Checks every staged row of a preview against the catalogue and the rest of the sheet. */
export class PreviewBulkRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsUUID() preview_id: string;
}

export type BulkRowStatus = 'ok' | 'warning' | 'error';

/** One checked row: what it will buy, or why it cannot. */
export interface BulkPreviewRowView {
  row: number;
  status: BulkRowStatus;
  target: string;
  amount: string;
  product_id: number | null;
  currency: string | null;
  errors: BulkIssue[];
  warnings: BulkIssue[];
}

export interface BulkTotalView {
  currency: string;
  /** Rows that will be paid in this currency. */
  count: number;
  amount: string;
  amount_minor: string;
}

/** The most problem rows one preview answer lists (the counts cover every row). */
export const BULK_PREVIEW_MAX_LISTED = 1_000;

export interface BulkPreviewView {
  preview_id: string;
  mode: ApiKeyMode;
  expires_at: string;
  row_count: number;
  ok_count: number;
  warning_count: number;
  error_count: number;
  /** Rows that will be paid (ok and warning), per currency. */
  totals: BulkTotalView[];
  /** Rows with errors or warnings, by row, at most BULK_PREVIEW_MAX_LISTED; other rows are ok. */
  rows: BulkPreviewRowView[];
  rows_truncated: boolean;
}
