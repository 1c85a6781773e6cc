import { IsIn, IsUUID, Matches } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { IsLookupIds } from '../paging/page.js';

/** Several of an account's ledger entries in one mode by id; ids not found (or not its own) are left out. */
export class GetLedgerEntriesRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsLookupIds() @Matches(/^\d{1,19}$/, { each: true, message: 'each id in $property must be a ledger entry id' }) ids: string[];
}
