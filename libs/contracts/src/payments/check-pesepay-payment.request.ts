import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';

export class CheckPesepayPaymentRequest {
  @IsString() @MinLength(1) @MaxLength(100) pesepay_reference: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
}
