import { IsIn, IsInt, IsUrl, Matches, Max, Min } from 'class-validator';

export class ProviderSimConfig {
  /** Production (the default) serves sandbox traffic only: the SMS inbox, which shows texts, is not served. */
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'production';

  @IsInt() @Min(0) @Max(65_535)
  PORT: number = 4010;

  @IsIn(['silent', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'silent' | 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  /** The inbox keeps this many messages and forgets the oldest. */
  @IsInt() @Min(1) @Max(1_000_000)
  SMS_INBOX_SIZE: number = 10_000;

  /**
   * What the simulated Pesepay expects in `authorization`. A simulator never moves money, so it may
   * start on its development value anywhere; the adapter must be given the same value.
   */
  @Matches(/^[\x21-\x7E]{1,200}$/, { message: 'PESEPAY_INTEGRATION_KEY must be 1 to 200 visible ASCII characters' })
  PESEPAY_INTEGRATION_KEY = 'sim-pesepay-integration-key-0001';

  /** AES-256 key of Pesepay's payloads: 32 bytes as UTF-8, so 32 ASCII characters; its first 16 are the IV. */
  @Matches(/^[\x20-\x7E]{32}$/, { message: 'PESEPAY_ENCRYPTION_KEY must be exactly 32 ASCII characters' })
  PESEPAY_ENCRYPTION_KEY = 'sim-pesepay-encryption-key-00001';

  /** How payers' browsers and pollers reach this simulator; redirectUrl and pollUrl are built on it. */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  SIM_PUBLIC_URL = 'http://localhost:4010';
}
