import { IsIn, IsInt, IsString, IsUrl, Max, Min, MinLength, ValidateIf } from 'class-validator';
import type { ApiKeyMode } from '@airtime/contracts';
import { RequiredInProduction } from '@airtime/platform';

const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** The airtime service of seed 002 (Africa's Talking); the simulator by default. */
export class AfricasTalkingConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'production';

  /** /airtime/... is appended. */
  @RequiredInProduction() @IsUrl(URL_OPTIONS)
  AFRICASTALKING_BASE_URL = 'http://127.0.0.1:4010/africastalking';

  @RequiredInProduction() @IsUrl(URL_OPTIONS)
  AFRICASTALKING_SANDBOX_BASE_URL = 'http://127.0.0.1:4010/africastalking';

  /** Africa's Talking's `apiKey`; required in production, the simulator's otherwise. Never logged. */
  @ValidateIf((c: AfricasTalkingConfig) => c.NODE_ENV === 'production' || c.AFRICASTALKING_API_KEY !== undefined)
  @IsString() @MinLength(8)
  AFRICASTALKING_API_KEY: string;

  @IsInt() @Min(100) @Max(120_000)
  AFRICASTALKING_TIMEOUT_MS: number = 10_000;

  endpoint(mode: ApiKeyMode): { baseUrl: string; apiKey: string } {
    return {
      baseUrl: (mode === 'test' ? this.AFRICASTALKING_SANDBOX_BASE_URL : this.AFRICASTALKING_BASE_URL).replace(/\/$/, ''),
      apiKey: mode === 'test' ? 'sim-at-api-key' : (this.AFRICASTALKING_API_KEY ?? 'sim-at-api-key'),
    };
  }
}
