import { IsIn, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UPSTREAM_IDS, type UpstreamId } from './upstream-id.js';

/** gateway → provider-adapters: an upstream's callback as it arrived at POST /callbacks/<upstream>[/<kind>]. */
export class UpstreamCallbackRequest {
  @IsIn(UPSTREAM_IDS) upstream: UpstreamId;
  @Matches(/^[a-z][a-z-]{0,30}$/) kind: string;
  @IsObject() body: Record<string, unknown>;
  @IsOptional() @IsObject() headers?: Record<string, string>;
  @IsOptional() @IsString() @MaxLength(64) source_ip?: string;
  /** The callback secret from the URL (`?token=`), for upstreams with no status query. Never logged. */
  @IsOptional() @IsString() @MaxLength(256) token?: string;
}

/** What the gateway answers the upstream. */
export interface UpstreamCallbackReply {
  status: number;
  body: unknown;
}
