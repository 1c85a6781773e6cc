import { IsIn, IsUUID, Matches } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { IsMinorUnits } from './is-minor-units.js';

export class CreateTopUpRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO code' }) currency: string;
  @IsMinorUnits() amount_minor: string;
}
