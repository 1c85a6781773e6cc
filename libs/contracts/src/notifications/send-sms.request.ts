import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { IsMsisdn } from '../validation/is-msisdn.js';
import { MultilineText } from '../validation/text-policy.js';

export const SMS_PURPOSES = ['pin', 'custom_sms'] as const;

/** Any service → notifications: send this SMS once (per key), retrying until it goes. */
export class SendSmsRequest {
  @IsString() @MinLength(1) @MaxLength(200) idempotency_key: string;
  @IsIn(SMS_PURPOSES) purpose: (typeof SMS_PURPOSES)[number];
  @IsMsisdn() to: string;
  @MultilineText() @IsString() @MinLength(1) @MaxLength(1600) message: string;
  /** test: sent only through the SMS sandbox, never the live provider (default live, e.g. PINs). */
  @IsOptional() @IsIn(API_KEY_MODES) mode?: ApiKeyMode;
}

/** queued: false when the idempotency key had already queued this SMS. */
export interface SmsQueuedView {
  id: string;
  queued: boolean;
}
