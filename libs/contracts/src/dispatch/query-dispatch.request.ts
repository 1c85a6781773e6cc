import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { DispatchRequest } from './dispatch.request.js';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { UPSTREAM_IDS, type UpstreamId } from './upstream-id.js';

/** The reconciler's question: what became of this earlier dispatch? */
export class QueryDispatchRequest {
  @IsString() @MinLength(1) @MaxLength(64) reference: string;
  @IsIn(UPSTREAM_IDS) upstream: UpstreamId;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsOptional() @IsString() @MaxLength(100) provider_ref?: string;
  /**
   * The dispatch as orders would have sent it. provider-adapters records every dispatch before it
   * calls the upstream, so when it has no record the request never left (it was lost while the
   * adapters were down) and it is sent now, under the same reference, instead of being queried.
   */
  @IsOptional() @ValidateNested() @Type(() => DispatchRequest) original?: DispatchRequest;
}
