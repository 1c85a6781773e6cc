import { IsIn, IsInt, Max, Min } from 'class-validator';

export class ProviderSimConfig {
  @IsInt() @Min(0) @Max(65_535)
  PORT: number = 4010;

  @IsIn(['silent', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'silent' | 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  /** The inbox keeps this many messages and forgets the oldest. */
  @IsInt() @Min(1) @Max(1_000_000)
  SMS_INBOX_SIZE: number = 10_000;
}
