import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** An endpoint of the caller's account; `overlap_seconds` only for secret rotation. */
export class WebhookEndpointRefRequest {
  @IsUUID() account_id: string;
  @IsUUID() id: string;
  @IsOptional() @IsInt() @Min(0) @Max(604_800) overlap_seconds?: number;
}
