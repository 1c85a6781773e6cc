import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '@airtime/contracts';

export class StatementQuery {
  @IsISO8601() from: string;
  @IsISO8601() to: string;
  @IsOptional() @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO code' }) currency?: string;
  @IsOptional() @IsIn(API_KEY_MODES) mode?: ApiKeyMode;
}
