import { IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength, ValidateBy } from 'class-validator';
import type { ApiKeyMode } from '@airtime/contracts';
import { RequiredOutside } from '@airtime/platform';

/**
 * Africa's Talking SMS (the simulator by default). Test-mode SMS (a test key's custom_sms) go only to
 * the SMS_SANDBOX_* endpoint, like the upstreams' *_SANDBOX_BASE_URL: free sandbox money must not buy
 * real messages.
 */
export class SmsConfig {
  @RequiredOutside('development', 'test') @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  SMS_API_BASE_URL = 'http://127.0.0.1:4010/africastalking';

  @IsString() @MinLength(1)
  SMS_USERNAME = 'sandbox';

  @RequiredOutside('development')
  @IsString() @MinLength(8)
  SMS_API_KEY: string;

  @IsOptional() @IsString()
  SMS_SENDER_ID?: string;

  @IsInt() @Min(100) @Max(60_000)
  SMS_TIMEOUT_MS: number = 10_000;

  /** Give up (status failed, visible) after this many attempts. */
  @IsInt() @Min(1) @Max(100)
  SMS_MAX_ATTEMPTS: number = 8;

  /** Africa's Talking's sandbox host is api.sandbox.africastalking.com; by default the simulator's sandbox path. */
  @RequiredOutside('development', 'test') @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  @ValidateBy({
    name: 'notTheLiveSmsApi',
    validator: {
      validate: (value: string, args) => (process.env['NODE_ENV'] ?? 'production') !== 'production' || value.replace(/\/$/, '') !== (args?.object as SmsConfig).SMS_API_BASE_URL.replace(/\/$/, ''),
      defaultMessage: () => 'SMS_SANDBOX_API_BASE_URL must not be the live SMS_API_BASE_URL in production',
    },
  })
  SMS_SANDBOX_API_BASE_URL = 'http://127.0.0.1:4010/africastalking-sandbox';

  @IsString() @MinLength(1)
  SMS_SANDBOX_USERNAME = 'sandbox';

  @IsOptional() @IsString() @MinLength(8)
  SMS_SANDBOX_API_KEY?: string;

  apiKey(): string {
    return this.SMS_API_KEY ?? 'sim-at-sms-api-key';
  }

  /** Where an SMS of this mode goes: test never reaches the live provider. */
  endpoint(mode: ApiKeyMode): { baseUrl: string; username: string; apiKey: string } {
    return mode === 'test'
      ? { baseUrl: this.SMS_SANDBOX_API_BASE_URL.replace(/\/$/, ''), username: this.SMS_SANDBOX_USERNAME, apiKey: this.SMS_SANDBOX_API_KEY ?? 'sim-at-sms-api-key' }
      : { baseUrl: this.SMS_API_BASE_URL.replace(/\/$/, ''), username: this.SMS_USERNAME, apiKey: this.apiKey() };
  }
}
