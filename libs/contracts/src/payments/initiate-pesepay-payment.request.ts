import { IsIn, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { IsMinorUnits } from '../validation/is-minor-units.js';
import { IsCurrencyCode } from '../validation/is-currency-code.js';
import { MultilineText } from '../validation/text-policy.js';

/** Asks Pesepay for a payment page; test mode always goes to the simulator. */
export class InitiatePesepayPaymentRequest {
  @IsString() @MinLength(1) @MaxLength(100) merchant_reference: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsCurrencyCode() currency: string;
  @IsMinorUnits() amount_minor: string;
  @MultilineText() @IsString() @MinLength(1) @MaxLength(200) reason: string;
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) result_url: string;
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) return_url: string;
}
