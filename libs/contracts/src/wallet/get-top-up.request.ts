import { IsIn, IsString, IsUUID, Matches } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';

export class GetTopUpRequest {
  @IsUUID() account_id: string;
  /** A test key never sees a live top-up, nor a live key a test one. */
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsString() @Matches(/^TOP-[0-9A-Z]{12}$/, { message: 'reference is not a top-up reference' }) reference: string;
}
