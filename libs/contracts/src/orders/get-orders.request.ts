import { IsIn, IsUUID } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { IsLookupIds } from '../paging/page.js';

/** Several orders of one account and mode by id, in one request; ids not found (or not its own) are left out. */
export class GetOrdersRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsLookupIds() @IsUUID('all', { each: true }) ids: string[];
}
