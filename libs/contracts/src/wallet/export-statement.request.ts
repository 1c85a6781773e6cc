import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';

export class ExportStatementRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsISO8601() from: string;
  @IsISO8601() to: string;
  @IsOptional() @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO code' }) currency?: string;
}
