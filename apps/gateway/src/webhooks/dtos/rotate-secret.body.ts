import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '@airtime/contracts';

export class RotateSecretBody {
  /** How long the old secret keeps signing beside the new one (default a day). */
  @IsOptional() @IsInt() @Min(0) @Max(604_800) overlap_seconds?: number;
  /** For a logged-in user: which mode's endpoints (default live); an API key always uses its own. */
  @IsOptional() @IsIn(API_KEY_MODES) mode?: ApiKeyMode;
}
