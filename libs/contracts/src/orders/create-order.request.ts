import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { MultilineText } from '../validation/text-policy.js';

/** 001's order body (amount in major units as 001 prints it), with the caller's account and mode. */
export class CreateOrderRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsInt() @Min(1) product_id: number;
  @IsString() @MinLength(3) @MaxLength(32) target: string;
  /** Major units, a JSON number or a decimal string: 5, "5", "5.50". */
  @Matches(/^\d{1,12}(\.\d{1,4})?$/, { message: 'amount must be a positive decimal number, e.g. 5 or 5.50' }) amount: string;
  @IsString() @MinLength(1) @MaxLength(100) @Matches(/^[\x21-\x7E]+$/, { message: 'agent_reference must be printable ASCII without spaces' }) agent_reference: string;
  @IsOptional() @MultilineText() @IsString() @MaxLength(160) custom_sms?: string;
}
