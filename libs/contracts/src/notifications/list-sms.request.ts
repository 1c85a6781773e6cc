import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class ListSmsRequest {
  @IsOptional() @IsIn(['pending', 'sent', 'failed']) status?: 'pending' | 'sent' | 'failed';
  @IsOptional() @IsInt() @Min(1) @Max(500) limit?: number;
}

/** An SMS as operators may see it: never its text, which may hold a PIN. */
export interface SmsView {
  id: string;
  purpose: string;
  recipient: string;
  status: 'pending' | 'sent' | 'failed';
  attempt_count: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}
