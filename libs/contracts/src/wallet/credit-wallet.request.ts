import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { IsMinorUnits } from '../validation/is-minor-units.js';
import { IsCurrencyCode } from '../validation/is-currency-code.js';
import { MultilineText } from '../validation/text-policy.js';

export const CREDIT_KINDS = ['topup', 'adjustment'] as const;

/**
 * Puts money into a wallet (creating the wallet on its first credit): a top-up from a payment
 * provider, or an operator's adjustment, which must say why and who.
 */
export class CreditWalletRequest {
  @IsString() @MinLength(1) @MaxLength(200) idempotency_key: string;
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsCurrencyCode() currency: string;
  @IsMinorUnits() amount_minor: string;
  @IsIn(CREDIT_KINDS) kind: (typeof CREDIT_KINDS)[number];
  /** The payment provider a top-up came through, e.g. pesepay. */
  @ValidateIf((r: CreditWalletRequest) => r.kind === 'topup') @Matches(/^[a-z][a-z0-9_-]{1,30}$/) source?: string;
  @ValidateIf((r: CreditWalletRequest) => r.kind === 'adjustment') @MultilineText() @IsString() @MinLength(3) @MaxLength(500) reason?: string;
  @ValidateIf((r: CreditWalletRequest) => r.kind === 'adjustment') @IsString() @MinLength(1) @MaxLength(200) actor?: string;
  @IsOptional() @MultilineText() @IsString() @MaxLength(500) description?: string;
}
