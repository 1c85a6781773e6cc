import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { IsAgentReference } from '../validation/is-agent-reference.js';

export class GetOrderRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsAgentReference() agent_reference: string;
  /** How long to wait for a pending order's outcome before answering (0: answer at once). */
  @IsOptional() @IsInt() @Min(0) @Max(60_000) wait_ms?: number;
}
