import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '@airtime/contracts';

export class CreateApiKeyBody {
  @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  @IsOptional() @IsIn(API_KEY_MODES) mode?: ApiKeyMode;
}
