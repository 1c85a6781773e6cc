import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { IsCurrencyCode } from '../validation/is-currency-code.js';

export class ExportStatementRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsISO8601() from: string;
  @IsISO8601() to: string;
  @IsOptional() @IsCurrencyCode() currency?: string;
}
