import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { UPSTREAM_IDS, type UpstreamId } from './upstream-id.js';

/** The reconciler's question: what became of this earlier dispatch? */
export class QueryDispatchRequest {
  @IsString() @MinLength(1) @MaxLength(64) reference: string;
  @IsIn(UPSTREAM_IDS) upstream: UpstreamId;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsOptional() @IsString() @MaxLength(100) provider_ref?: string;
}
