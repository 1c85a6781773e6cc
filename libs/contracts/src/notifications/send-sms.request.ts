import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export const SMS_PURPOSES = ['pin', 'custom_sms'] as const;

/** Any service → notifications: send this SMS once (per key), retrying until it goes. */
export class SendSmsRequest {
  @IsString() @MinLength(1) @MaxLength(200) idempotency_key: string;
  @IsIn(SMS_PURPOSES) purpose: (typeof SMS_PURPOSES)[number];
  @Matches(/^\d{8,15}$/, { message: 'to must be an MSISDN in international digits' }) to: string;
  @IsString() @MinLength(1) @MaxLength(1600) message: string;
}
