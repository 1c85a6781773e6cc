import { ApiProperty } from '@nestjs/swagger';
import { API_KEY_MODES, type ApiKeyMode, type BulkAmountView, type BulkBatchStatus, type BulkBatchView, type BulkIssue, type BulkPreviewRowView, type BulkRowStatus } from '@airtime/contracts';
import type { BulkPreviewAnswer, BulkTotalWithBalance } from '../bulk-preview.js';

export class BulkIssueResponse implements BulkIssue {
  @ApiProperty({ description: 'The line in the sheet, the header being row 1', example: 6 }) row: number;
  @ApiProperty({ type: String, nullable: true, enum: ['target', 'amount', 'product_id', 'agent_reference', 'custom_sms', 'currency', null], example: 'amount' }) column: string | null;
  @ApiProperty({ example: 'AMOUNT_OUT_OF_RANGE', description: 'INVALID_TARGET, INVALID_AMOUNT, MISSING, AMOUNT_OUT_OF_RANGE, PRODUCT_NOT_FOUND, CURRENCY_MISMATCH, DUPLICATE_REFERENCE, INVALID_REFERENCE, SMS_TOO_LONG, INVALID_CURRENCY, INVALID_PRODUCT; warnings: DUPLICATE_PAYMENT' }) code: string;
  @ApiProperty({ example: 'amount must be between 0.10 and 100.00 USD' }) message: string;
}

export class BulkPreviewRowResponse implements BulkPreviewRowView {
  @ApiProperty({ example: 6 }) row: number;
  @ApiProperty({ enum: ['ok', 'warning', 'error'] }) status: BulkRowStatus;
  @ApiProperty({ description: 'The number as it will be sent (international digits) when it was understood, else as written', example: '263772279099' }) target: string;
  @ApiProperty({ description: 'As written in the sheet', example: '5' }) amount: string;
  @ApiProperty({ type: Number, nullable: true, description: 'The product the row will buy (given or chosen from the number\'s network)' }) product_id: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'USD' }) currency: string | null;
  @ApiProperty({ type: [BulkIssueResponse] }) errors: BulkIssueResponse[];
  @ApiProperty({ type: [BulkIssueResponse] }) warnings: BulkIssueResponse[];
}

export class BulkTotalResponse implements BulkTotalWithBalance {
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ description: 'Rows that will be paid in this currency (ok and warning)', example: 4 }) count: number;
  @ApiProperty({ description: 'Major units', example: '18.50' }) amount: string;
  @ApiProperty({ example: '1850' }) amount_minor: string;
  @ApiProperty({ description: "The wallet's balance now, major units", example: '120.00' }) balance: string;
  @ApiProperty({ example: '12000' }) balance_minor: string;
  @ApiProperty({ description: 'The balance covers the total now (it may change before the run)' }) sufficient: boolean;
}

export class BulkPreviewResponse implements BulkPreviewAnswer {
  @ApiProperty({ format: 'uuid', description: 'Run it with POST /api/v1/bulk {preview_id} until expires_at' }) preview_id: string;
  @ApiProperty({ enum: API_KEY_MODES }) mode: ApiKeyMode;
  @ApiProperty({ format: 'date-time', description: '24 hours after the preview was made' }) expires_at: string;
  @ApiProperty({ example: 10 }) row_count: number;
  @ApiProperty({ example: 3 }) ok_count: number;
  @ApiProperty({ example: 1 }) warning_count: number;
  @ApiProperty({ example: 6 }) error_count: number;
  @ApiProperty({ type: [BulkTotalResponse] }) totals: BulkTotalResponse[];
  @ApiProperty({ type: [BulkPreviewRowResponse], description: 'Rows with errors or warnings, by row (at most 1,000); every other row is ok' }) rows: BulkPreviewRowResponse[];
  @ApiProperty({ description: 'More than 1,000 rows have problems: fix these and preview again' }) rows_truncated: boolean;
}

export class BulkAmountResponse implements BulkAmountView {
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ description: 'Delivered (success), major units', example: '15.00' }) sent: string;
  @ApiProperty({ example: '1500' }) sent_minor: string;
  @ApiProperty({ description: 'Debited and given back (refunded), major units', example: '2.50' }) refunded: string;
  @ApiProperty({ example: '250' }) refunded_minor: string;
}

export class BulkBatchResponse implements BulkBatchView {
  @ApiProperty({ format: 'uuid' }) batch_id: string;
  @ApiProperty({ example: 'payroll-2026-11' }) batch_reference: string;
  @ApiProperty({ enum: API_KEY_MODES }) mode: ApiKeyMode;
  @ApiProperty({ enum: ['running', 'cancelled', 'completed'], description: '`completed` once every row is final; a cancelled batch stays `cancelled` (see completed_at)' }) status: BulkBatchStatus;
  @ApiProperty({ example: 10 }) row_count: number;
  @ApiProperty({
    type: 'object', additionalProperties: { type: 'integer' }, example: { success: 7, refunded: 1, invalid: 2 },
    description: 'Rows per status: queued, skipped (cancelled), invalid (failed the preview), refused (the order was refused), or the order\'s status (pending, success, failed, refunded, unknown, reversed)',
  })
  counts: Record<string, number>;
  @ApiProperty({ type: [BulkAmountResponse] }) amounts: BulkAmountResponse[];
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When every row became final (the batch.completed event)' }) completed_at: string | null;
}
