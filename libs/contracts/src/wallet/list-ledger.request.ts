import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { TRANSFER_KINDS, type TransferKind } from './transfer-kind.js';
import { IsCurrencyCode } from '../validation/is-currency-code.js';
import { IsPageCursor, IsPageSize } from '../validation/is-page.js';

export const MAX_LEDGER_PAGE = 500;

/** A page of a wallet's ledger, newest first; `cursor` is the previous page's `next_cursor`. */
export class ListLedgerRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsOptional() @IsCurrencyCode() currency?: string;
  @IsOptional() @IsIn(TRANSFER_KINDS) kind?: TransferKind;
  @IsOptional() @IsISO8601() from?: string;
  @IsOptional() @IsISO8601() to?: string;
  @IsOptional() @IsString() @MaxLength(100) order_id?: string;
  @IsOptional() @IsPageCursor() cursor?: string;
  /** A number over NATS; a query string's text at the gateway, hence the conversion. */
  @IsOptional() @Type(() => Number) @IsPageSize(MAX_LEDGER_PAGE) limit?: number;
}
