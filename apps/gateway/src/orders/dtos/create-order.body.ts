import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { MultilineText } from '@airtime/contracts';

/** 001's order body, field for field: `{product_id, target, amount, agent_reference, custom_sms?}`. */
export class CreateOrderBody {
  @IsInt({ message: 'product_id must be an integer, e.g. 100' }) @Min(1) product_id: number;
  @IsString() @MinLength(3) @MaxLength(32) target: string;
  /** 001 sends the amount in major units as a JSON number (5); a decimal string ("5.50") is fine too. */
  @Transform(({ value }) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value))
  @IsString({ message: 'amount must be a number, e.g. 5 or 5.50' })
  @Matches(/^\d{1,12}(\.\d{1,4})?$/, { message: 'amount must be a positive number with at most 4 decimals, e.g. 5 or 5.50' })
  amount: string;
  @IsString() @MinLength(1) @MaxLength(100) @Matches(/^[\x21-\x7E]+$/, { message: 'agent_reference must be printable ASCII without spaces' }) agent_reference: string;
  @IsOptional() @MultilineText() @IsString() @MaxLength(160) custom_sms?: string;
}
