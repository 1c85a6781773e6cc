import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { IsMinorUnits } from './is-minor-units.js';
import { MultilineText } from '../validation/text-policy.js';

/** Takes money from a wallet for an order; the key (e.g. `order:<id>:debit`) makes a retry harmless. */
export class DebitWalletRequest {
  @IsString() @MinLength(1) @MaxLength(200) idempotency_key: string;
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO code' }) currency: string;
  @IsMinorUnits() amount_minor: string;
  @IsOptional() @IsString() @MaxLength(100) order_id?: string;
  @IsOptional() @MultilineText() @IsString() @MaxLength(500) description?: string;
}
