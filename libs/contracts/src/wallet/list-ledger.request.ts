import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { TRANSFER_KINDS, type TransferKind } from './transfer-kind.js';
import { IsCurrencyCode } from '../validation/is-currency-code.js';

/** A page of a wallet's ledger, newest first; `cursor` is the previous page's `next_cursor`. */
export class ListLedgerRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsOptional() @IsCurrencyCode() currency?: string;
  @IsOptional() @IsIn(TRANSFER_KINDS) kind?: TransferKind;
  @IsOptional() @IsISO8601() from?: string;
  @IsOptional() @IsISO8601() to?: string;
  @IsOptional() @IsString() @MaxLength(100) order_id?: string;
  @IsOptional() @Matches(/^\d{1,19}$/, { message: 'cursor is not one this API gave out' }) cursor?: string;
  /** A number over NATS; a query string's text at the gateway, hence the conversion. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}
