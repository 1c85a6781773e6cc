import { IsIn, IsOptional } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { IsPageSize } from '../validation/is-page.js';

export class ListSmsRequest {
  @IsOptional() @IsIn(['pending', 'sent', 'failed']) status?: 'pending' | 'sent' | 'failed';
  @IsOptional() @IsPageSize(500) limit?: number;
  @IsOptional() @IsIn(API_KEY_MODES) mode?: ApiKeyMode;
}

/** An SMS as operators may see it: never its text, which may hold a PIN. */
export interface SmsView {
  id: string;
  purpose: string;
  mode: ApiKeyMode;
  recipient: string;
  status: 'pending' | 'sent' | 'failed';
  attempt_count: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}
