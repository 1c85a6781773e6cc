import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { IsAgentReference } from '../validation/is-agent-reference.js';
import { IsMajorAmount } from '../validation/is-major-amount.js';
import { MultilineText } from '../validation/text-policy.js';
import { IsProductId } from '../validation/is-product-id.js';

/** 001's order body (amount in major units as 001 prints it), with the caller's account and mode. */
export class CreateOrderRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsProductId() product_id: number;
  @IsString() @MinLength(3) @MaxLength(32) target: string;
  /** 001 sends the amount in major units as a JSON number (5); a decimal string ("5.50") is fine too. */
  @Transform(({ value }) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value))
  @IsString({ message: '$property must be a number, e.g. 5 or 5.50' })
  @IsMajorAmount()
  amount: string;
  @IsAgentReference() agent_reference: string;
  @IsOptional() @MultilineText() @IsString() @MaxLength(160) custom_sms?: string;
}
