import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from './api-key-mode.js';

export class CreateApiKeyRequest {
  @IsUUID() account_id: string;
  @IsUUID() user_id: string;
  @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
}
