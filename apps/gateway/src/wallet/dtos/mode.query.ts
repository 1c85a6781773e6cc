import { IsIn, IsOptional } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '@airtime/contracts';

/** For a logged-in user: which mode's data (default live). An API key's mode always wins. */
export class ModeQuery {
  @IsOptional() @IsIn(API_KEY_MODES) mode?: ApiKeyMode;
}
