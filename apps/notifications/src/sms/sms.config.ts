import { IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { RequiredInProduction } from '@airtime/platform';

/** Africa's Talking SMS (the simulator by default). */
export class SmsConfig {
  @RequiredInProduction() @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  SMS_API_BASE_URL = 'http://127.0.0.1:4010/africastalking';

  @IsString() @MinLength(1)
  SMS_USERNAME = 'sandbox';

  @ValidateIf((c: SmsConfig) => process.env['NODE_ENV'] !== 'development' || c.SMS_API_KEY !== undefined)
  @IsString() @MinLength(8)
  SMS_API_KEY: string;

  @IsOptional() @IsString()
  SMS_SENDER_ID?: string;

  @IsInt() @Min(100) @Max(60_000)
  SMS_TIMEOUT_MS: number = 10_000;

  /** Give up (status failed, visible) after this many attempts. */
  @IsInt() @Min(1) @Max(100)
  SMS_MAX_ATTEMPTS: number = 8;

  apiKey(): string {
    return this.SMS_API_KEY ?? 'sim-at-sms-api-key';
  }
}
