import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { IsMinorUnits } from '../validation/is-minor-units.js';
import { IsCurrencyCode } from '../validation/is-currency-code.js';
import { MultilineText } from '../validation/text-policy.js';

/** Takes money from a wallet for an order; the key (e.g. `order:<id>:debit`) makes a retry harmless. */
export class DebitWalletRequest {
  @IsString() @MinLength(1) @MaxLength(200) idempotency_key: string;
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsCurrencyCode() currency: string;
  @IsMinorUnits() amount_minor: string;
  @IsOptional() @IsString() @MaxLength(100) order_id?: string;
  @IsOptional() @MultilineText() @IsString() @MaxLength(500) description?: string;
}
