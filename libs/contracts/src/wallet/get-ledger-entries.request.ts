import { IsIn, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { IsLookupIds } from '../paging/page.js';

/** Several of an account's ledger entries in one mode by id; ids not found (or not its own) are left out. */
export class GetLedgerEntriesRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsLookupIds() @Matches(/^\d{1,19}$/, { each: true, message: 'each id in $property must be a ledger entry id' }) ids: string[];
}

/** The entries of an account's wallets in one mode that paid for or refunded any of several orders, oldest first. */
export class GetOrdersLedgerEntriesRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsLookupIds() @IsString({ each: true }) @MaxLength(100, { each: true }) order_ids: string[];
}
