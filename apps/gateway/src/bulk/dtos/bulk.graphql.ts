import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { BATCH_REFERENCE_PATTERN, type BulkAmountView, type BulkBatchView, type BulkIssue, type BulkPreviewRowView, MultilineText } from '@airtime/contracts';
import { ModeEnum } from '../../graph/mode.js';
import { BatchModel } from '../../orders/dtos/batch.model.js';
import { BULK_MAX_BYTES } from '../bulk-csv.js';
import type { BulkPreviewAnswer, BulkTotalWithBalance } from '../bulk-preview.js';

const modeField = { nullable: true, description: 'live or test, for a logged-in user (default live); an API key uses its own' } as const;

@InputType()
export class PreviewBulkInput {
  @Field({ description: 'The CSV text: a header (target, amount, product_id?, agent_reference?, custom_sms?, currency?) and up to 10,000 rows' })
  @MultilineText() @IsString() @MaxLength(BULK_MAX_BYTES) csv: string;
  @Field(() => ModeEnum, modeField) @IsOptional() @IsEnum(ModeEnum) mode?: ModeEnum;
}

@InputType()
export class RunBulkInput {
  @Field({ nullable: true, description: 'A preview made within the last 24 hours; give this or csv' }) @IsOptional() @IsUUID() previewId?: string;
  @Field({ nullable: true, description: 'The sheet itself, previewed and run at once; give this or previewId' })
  @IsOptional() @MultilineText() @IsString() @MaxLength(BULK_MAX_BYTES) csv?: string;
  @Field({ description: 'The same reference again answers the same batch; rows without agent_reference get `<batchReference>-r<row>`' })
  @Matches(BATCH_REFERENCE_PATTERN, { message: '$property must be 1 to 64 printable ASCII characters without spaces' }) batchReference: string;
  @Field(() => ModeEnum, modeField) @IsOptional() @IsEnum(ModeEnum) mode?: ModeEnum;
}

@InputType()
export class CancelBatchInput {
  @Field(() => ID, { description: "The batch's global id" }) @IsString() @MaxLength(200) id: string;
}

@ObjectType('BulkIssue')
export class BulkIssueModel {
  @Field(() => Int) row: number;
  @Field(() => String, { nullable: true }) column: string | null;
  @Field() code: string;
  @Field() message: string;

  static from(i: BulkIssue): BulkIssueModel {
    return Object.assign(new BulkIssueModel(), { row: i.row, column: i.column ?? null, code: i.code, message: i.message });
  }
}

@ObjectType('BulkPreviewRow')
export class BulkPreviewRowModel {
  @Field(() => Int) row: number;
  @Field({ description: 'ok, warning or error' }) status: string;
  @Field() target: string;
  @Field() amount: string;
  @Field(() => Int, { nullable: true }) productId: number | null;
  @Field(() => String, { nullable: true }) currency: string | null;
  @Field(() => [BulkIssueModel]) errors: BulkIssueModel[];
  @Field(() => [BulkIssueModel]) warnings: BulkIssueModel[];

  static from(r: BulkPreviewRowView): BulkPreviewRowModel {
    return Object.assign(new BulkPreviewRowModel(), {
      row: r.row, status: r.status, target: r.target, amount: r.amount, productId: r.product_id, currency: r.currency, errors: r.errors.map(BulkIssueModel.from), warnings: r.warnings.map(BulkIssueModel.from),
    });
  }
}

@ObjectType('BulkTotal')
export class BulkTotalModel {
  @Field() currency: string;
  @Field(() => Int) count: number;
  @Field() amount: string;
  @Field() amountMinor: string;
  @Field() balance: string;
  @Field() balanceMinor: string;
  @Field({ description: 'The wallet covers the total now' }) sufficient: boolean;

  static from(t: BulkTotalWithBalance): BulkTotalModel {
    return Object.assign(new BulkTotalModel(), { currency: t.currency, count: t.count, amount: t.amount, amountMinor: t.amount_minor, balance: t.balance, balanceMinor: t.balance_minor, sufficient: t.sufficient });
  }
}

@ObjectType('BulkPreview')
export class BulkPreviewModel {
  @Field() previewId: string;
  @Field(() => ModeEnum) mode: ModeEnum;
  @Field() expiresAt: string;
  @Field(() => Int) rowCount: number;
  @Field(() => Int) okCount: number;
  @Field(() => Int) warningCount: number;
  @Field(() => Int) errorCount: number;
  @Field(() => [BulkTotalModel]) totals: BulkTotalModel[];
  @Field(() => [BulkPreviewRowModel], { description: 'Rows with errors or warnings (at most 1,000); the others are ok' }) rows: BulkPreviewRowModel[];
  @Field() rowsTruncated: boolean;

  static from(p: BulkPreviewAnswer): BulkPreviewModel {
    return Object.assign(new BulkPreviewModel(), {
      previewId: p.preview_id, mode: p.mode as ModeEnum, expiresAt: p.expires_at, rowCount: p.row_count, okCount: p.ok_count, warningCount: p.warning_count,
      errorCount: p.error_count, totals: p.totals.map(BulkTotalModel.from), rows: p.rows.map(BulkPreviewRowModel.from), rowsTruncated: p.rows_truncated,
    });
  }
}

@ObjectType('BatchAmount')
export class BatchAmountModel {
  @Field() currency: string;
  @Field({ description: 'Delivered (success), major units' }) sent: string;
  @Field() sentMinor: string;
  @Field({ description: 'Debited and given back, major units' }) refunded: string;
  @Field() refundedMinor: string;

  static from(a: BulkAmountView): BatchAmountModel {
    return Object.assign(new BatchAmountModel(), { currency: a.currency, sent: a.sent, sentMinor: a.sent_minor, refunded: a.refunded, refundedMinor: a.refunded_minor });
  }
}

/** A CSV batch's progress: what GET /api/v1/bulk/{id} answers. */
@ObjectType('BatchProgress')
export class BatchProgressModel {
  @Field() batchReference: string;
  @Field({ description: 'running, cancelled or completed' }) status: string;
  @Field(() => Int) rowCount: number;
  @Field(() => [BatchCountRow], { description: 'Rows per status: queued, skipped, invalid, refused, or their order\'s status' }) counts: BatchCountRow[];
  @Field(() => [BatchAmountModel]) amounts: BatchAmountModel[];
  @Field(() => String, { nullable: true, description: 'When every row became final' }) completedAt: string | null;

  static from(v: BulkBatchView): BatchProgressModel {
    return Object.assign(new BatchProgressModel(), {
      batchReference: v.batch_reference, status: v.status, rowCount: v.row_count, counts: Object.entries(v.counts).map(([status, count]) => ({ status, count })),
      amounts: v.amounts.map(BatchAmountModel.from), completedAt: v.completed_at,
    });
  }
}

@ObjectType('BatchRowCount')
export class BatchCountRow {
  @Field() status: string;
  @Field(() => Int) count: number;
}

/** A CSV batch as the Batch node reads it (000's fields), with its progress beside. */
export function batchOfBulk(v: BulkBatchView): BatchModel {
  return Object.assign(new BatchModel(), {
    id: BatchModel.globalId(v.mode, v.batch_id), databaseId: v.batch_id, mode: v.mode as ModeEnum,
    status: v.status === 'running' ? 'processing' : v.status, totalCount: v.row_count,
    counts: Object.entries(v.counts).map(([status, count]) => ({ status, count })), createdAt: v.created_at,
  });
}

@ObjectType('PreviewBulkPayload')
export class PreviewBulkPayload {
  @Field(() => BulkPreviewModel) preview: BulkPreviewModel;
}

@ObjectType('RunBulkPayload')
export class RunBulkPayload {
  @Field(() => BatchModel) batch: BatchModel;
}

@ObjectType('CancelBatchPayload')
export class CancelBatchPayload {
  @Field(() => BatchModel) batch: BatchModel;
}
