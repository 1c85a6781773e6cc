import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { IsAgentReference } from '../validation/is-agent-reference.js';
import { IsMajorAmount } from '../validation/is-major-amount.js';
import { IsProductId } from '../validation/is-product-id.js';
import { IsLookupIds, PageRequest, type PageView } from '../paging/page.js';

export class BatchItem {
  @IsProductId() product_id: number;
  @IsString() @MinLength(3) @MaxLength(32) target: string;
  @IsMajorAmount() amount: string;
  @IsAgentReference() agent_reference: string;
}

/** 000's batch recharge: many orders at once, each idempotent on its own reference. */
export class CreateBatchRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => BatchItem) items: BatchItem[];
}

export class GetBatchRequest {
  @IsUUID() account_id: string;
  @IsUUID() batch_id: string;
}

/** An account's batches in one mode, newest first. */
export class ListBatchesRequest extends PageRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
}

/** Several batches of one account and mode by id; ids not found (or not its own) are left out. */
export class GetBatchesRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsLookupIds() @IsUUID('all', { each: true }) ids: string[];
}

export interface BatchView {
  batch_id: string;
  mode: ApiKeyMode;
  total_count: number;
  status: 'processing' | 'completed';
  counts: Record<string, number>;
  created_at: string;
}

export type BatchPageView = PageView<BatchView>;
