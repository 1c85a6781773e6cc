import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsMinorUnits } from '../validation/is-minor-units.js';
import { MultilineText } from '../validation/text-policy.js';

/** Returns a debit's money, at most once and never more than was debited; all of it by default. */
export class RefundDebitRequest {
  @IsString() @MinLength(1) @MaxLength(200) idempotency_key: string;
  @IsUUID() account_id: string;
  @IsString() @MinLength(1) @MaxLength(200) debit_key: string;
  @IsOptional() @IsMinorUnits() amount_minor?: string;
  @IsOptional() @MultilineText() @IsString() @MaxLength(500) reason?: string;
}
