import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode, TRANSFER_KINDS, type TransferKind } from '@airtime/contracts';

export class LedgerQuery {
  @IsOptional() @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO code' }) currency?: string;
  @IsOptional() @IsIn(TRANSFER_KINDS) kind?: TransferKind;
  @IsOptional() @IsISO8601() from?: string;
  @IsOptional() @IsISO8601() to?: string;
  @IsOptional() @IsString() @MaxLength(100) order_id?: string;
  @IsOptional() @Matches(/^\d{1,19}$/, { message: 'cursor is not one this API gave out' }) cursor?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  /** For a logged-in user: the sandbox's ledger instead of the live one. An API key's mode always wins. */
  @IsOptional() @IsIn(API_KEY_MODES) mode?: ApiKeyMode;
}
