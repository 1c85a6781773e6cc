import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '@airtime/contracts';

export class ResendBody {
  @IsOptional() @IsUUID() delivery_id?: string;
  @IsOptional() @IsISO8601() failed_since?: string;
  /** For a logged-in user: which mode's endpoints (default live); an API key always uses its own. */
  @IsOptional() @IsIn(API_KEY_MODES) mode?: ApiKeyMode;
}
