import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { BATCH_REFERENCE_PATTERN, MultilineText } from '@airtime/contracts';
import { BULK_MAX_BYTES } from '../bulk-csv.js';

/** POST /api/v1/bulk: a preview to run (or the sheet again), under a reference that makes the call idempotent. */
export class RunBulkBody {
  @ApiPropertyOptional({ format: 'uuid', description: 'A preview made within the last 24 hours; give this or csv' })
  @IsOptional() @IsUUID()
  preview_id?: string;

  @ApiPropertyOptional({ description: 'The sheet itself, previewed and run in one call; give this or preview_id' })
  @IsOptional() @MultilineText() @IsString() @MaxLength(BULK_MAX_BYTES)
  csv?: string;

  @ApiProperty({ description: 'Your reference for the batch: the same one again answers the same batch. Rows without agent_reference get `<batch_reference>-r<row>`.', example: 'payroll-2026-11' })
  @Matches(BATCH_REFERENCE_PATTERN, { message: '$property must be 1 to 64 printable ASCII characters without spaces' })
  batch_reference: string;
}
