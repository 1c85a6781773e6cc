import { Equals, IsBoolean, IsInt, IsString, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { Transform } from 'class-transformer';
import { DatabaseServiceConfig, RequiredOutside } from '@airtime/platform';

export class NotificationsConfig extends DatabaseServiceConfig {
  /** Encrypts webhook secrets at rest (they must be usable to sign, so they cannot be hashed). */
  @RequiredOutside('development')
  @IsString() @MinLength(32, { message: 'WEBHOOK_SECRET_KEY must be at least 32 characters' })
  WEBHOOK_SECRET_KEY: string;

  /**
   * Lets receivers sit on loopback or private addresses: only for tests and development, whose
   * receivers listen on 127.0.0.1. Never implied by NODE_ENV (an unset NODE_ENV must not open it) and
   * refused in production. Read from the raw environment: implicit conversion would turn the string
   * 'false' into true.
   */
  @Transform(({ obj }) => [true, 'true', '1'].includes((obj as Record<string, unknown>)['WEBHOOK_ALLOW_PRIVATE_TARGETS'] as string))
  @IsBoolean()
  @ValidateIf((c: NotificationsConfig) => c.NODE_ENV === 'production')
  @Equals(false, { message: 'WEBHOOK_ALLOW_PRIVATE_TARGETS must not be set in production' })
  WEBHOOK_ALLOW_PRIVATE_TARGETS: boolean = false;

  /** Webhook endpoints an account may have in each mode (live, test). */
  @IsInt() @Min(1) @Max(1000)
  WEBHOOK_MAX_ENDPOINTS_PER_ACCOUNT: number = 10;

  @IsInt() @Min(100) @Max(60_000)
  WEBHOOK_TIMEOUT_MS: number = 10_000;

  /** How long a failing delivery is retried before it is dead-lettered (three days). */
  @IsInt() @Min(1) @Max(2_592_000)
  WEBHOOK_RETRY_FOR_SECONDS: number = 259_200;

  @IsInt() @Min(10) @Max(3_600_000)
  WEBHOOK_BACKOFF_BASE_MS: number = 5_000;

  @IsInt() @Min(100) @Max(86_400_000)
  WEBHOOK_BACKOFF_MAX_MS: number = 3_600_000;

  /** Deliveries in flight per endpoint, so one slow receiver cannot hold up the others. */
  @IsInt() @Min(1) @Max(100)
  WEBHOOK_CONCURRENCY_PER_ENDPOINT: number = 4;

  @IsInt() @Min(20) @Max(60_000)
  WEBHOOK_DISPATCH_INTERVAL_MS: number = 500;

  secretKey(): string {
    return this.WEBHOOK_SECRET_KEY ?? 'development-only-webhook-secret-key-0000000';
  }

  allowPrivateTargets(): boolean {
    return this.WEBHOOK_ALLOW_PRIVATE_TARGETS;
  }
}
