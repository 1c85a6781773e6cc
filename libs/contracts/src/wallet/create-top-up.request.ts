import { IsIn, IsUUID } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { IsMinorUnits } from '../validation/is-minor-units.js';
import { IsCurrencyCode } from '../validation/is-currency-code.js';

export class CreateTopUpRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsCurrencyCode() currency: string;
  @IsMinorUnits() amount_minor: string;
}
