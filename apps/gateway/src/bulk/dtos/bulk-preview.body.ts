import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { MultilineText } from '@airtime/contracts';
import { BULK_MAX_BYTES } from '../bulk-csv.js';

/**
 * The sheet as JSON, for clients that find that easier than text/csv or a multipart upload; the
 * same sheet in any of the three is the same preview.
 */
export class BulkPreviewBody {
  @ApiProperty({ description: 'The CSV text: a header row (target, amount, product_id?, agent_reference?, custom_sms?, currency?) and up to 10,000 rows', example: 'target,amount\n0772279099,5\n' })
  @IsOptional() @MultilineText() @IsString() @MaxLength(BULK_MAX_BYTES)
  csv?: string;
}
