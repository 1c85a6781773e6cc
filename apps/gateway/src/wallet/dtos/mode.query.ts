import { IsIn, IsOptional } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '@airtime/contracts';

export class ModeQuery {
  @IsOptional() @IsIn(API_KEY_MODES) mode?: ApiKeyMode;
}
