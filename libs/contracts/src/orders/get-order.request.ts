import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';

export class GetOrderRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsString() @MinLength(1) @MaxLength(100) agent_reference: string;
  /** How long to wait for a pending order's outcome before answering (0: answer at once). */
  @IsOptional() @IsInt() @Min(0) @Max(60_000) wait_ms?: number;
}
