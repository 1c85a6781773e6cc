import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';

/** An endpoint of the caller's account; `overlap_seconds` only for secret rotation. */
export class WebhookEndpointRefRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsUUID() id: string;
  @IsOptional() @IsInt() @Min(0) @Max(604_800) overlap_seconds?: number;
}
