import { IsIn, IsInt, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import type { ApiKeyMode } from '@airtime/contracts';
import { RequiredOutside } from '@airtime/platform';

const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** Tuti Tech (seed 004, Sudan); the simulator by default. */
export class TutiConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'production';

  /** `$GATEWAY_URL` of seed 004; /ext/airtime is appended. */
  @RequiredOutside('development', 'test') @IsUrl(URL_OPTIONS)
  TUTI_BASE_URL = 'http://127.0.0.1:4010/tuti';

  @RequiredOutside('development', 'test') @IsUrl(URL_OPTIONS)
  TUTI_SANDBOX_BASE_URL = 'http://127.0.0.1:4010/tuti';

  /** The API-KEY header; required in production, the simulator's otherwise. Never logged. */
  @RequiredOutside('development', 'test')
  @IsString() @MinLength(8)
  TUTI_API_KEY: string;

  @IsInt() @Min(100) @Max(120_000)
  TUTI_TIMEOUT_MS: number = 10_000;

  /** Seed 004's usage limit: per phone number, per service, per day (SDG). */
  @IsInt() @Min(1)
  TUTI_DAILY_LIMIT: number = 10_000;

  endpoint(mode: ApiKeyMode): { baseUrl: string; apiKey: string } {
    return {
      baseUrl: (mode === 'test' ? this.TUTI_SANDBOX_BASE_URL : this.TUTI_BASE_URL).replace(/\/$/, ''),
      apiKey: mode === 'test' ? 'sim-tuti-api-key' : (this.TUTI_API_KEY ?? 'sim-tuti-api-key'),
    };
  }
}
