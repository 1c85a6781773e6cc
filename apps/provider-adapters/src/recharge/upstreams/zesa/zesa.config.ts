import { IsIn, IsInt, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import type { ApiKeyMode } from '@airtime/contracts';
import { RequiredOutside } from '@airtime/platform';

const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** The ZESA vendor API (ours to define: there is no seed document); the simulator by default. */
export class ZesaConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'production';

  @RequiredOutside('development', 'test') @IsUrl(URL_OPTIONS)
  ZESA_BASE_URL = 'http://127.0.0.1:4010/zesa';

  /** Test keys always buy from the simulator, so sandbox traffic never buys real electricity. */
  @RequiredOutside('development', 'test') @IsUrl(URL_OPTIONS)
  ZESA_SANDBOX_BASE_URL = 'http://127.0.0.1:4010/zesa';

  /** Required in production; development and test use the simulator's key. Never logged. */
  @RequiredOutside('development', 'test')
  @IsString() @MinLength(8)
  ZESA_API_KEY: string;

  @IsInt() @Min(100) @Max(120_000)
  ZESA_TIMEOUT_MS: number = 10_000;

  endpoint(mode: ApiKeyMode): { baseUrl: string; apiKey: string } {
    return {
      baseUrl: (mode === 'test' ? this.ZESA_SANDBOX_BASE_URL : this.ZESA_BASE_URL).replace(/\/$/, ''),
      apiKey: mode === 'test' ? 'sim-zesa-api-key' : (this.ZESA_API_KEY ?? 'sim-zesa-api-key'),
    };
  }
}
