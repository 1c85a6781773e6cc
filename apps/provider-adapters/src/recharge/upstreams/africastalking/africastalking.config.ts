import { IsIn, IsInt, IsString, IsUrl, Max, Min, MinLength, ValidateIf } from 'class-validator';
import type { ApiKeyMode } from '@airtime/contracts';
import { RequiredOutside } from '@airtime/platform';

const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };
/** What the simulator's default callback URL carries (libs/simulators), so that `npm start` works untouched. */
export const SIMULATOR_CALLBACK_SECRET = 'sim-africastalking-callback-secret-0001';

/** The airtime service of seed 002 (Africa's Talking); the simulator by default. */
export class AfricasTalkingConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'production';

  /** /airtime/... is appended. */
  @RequiredOutside('development', 'test') @IsUrl(URL_OPTIONS)
  AFRICASTALKING_BASE_URL = 'http://127.0.0.1:4010/africastalking';

  @RequiredOutside('development', 'test') @IsUrl(URL_OPTIONS)
  AFRICASTALKING_SANDBOX_BASE_URL = 'http://127.0.0.1:4010/africastalking';

  /** Africa's Talking's `apiKey`; required in production, the simulator's otherwise. Never logged. */
  @RequiredOutside('development', 'test')
  @IsString() @MinLength(8)
  AFRICASTALKING_API_KEY: string;

  @IsInt() @Min(100) @Max(120_000)
  AFRICASTALKING_TIMEOUT_MS: number = 10_000;

  /**
   * Seed 002 documents no status query and no signature, so its callbacks are authenticated by this
   * secret in the callback URL we register (`…/callbacks/africastalking[/validation]?token=<secret>`).
   * Required in production (at least 32 characters); the simulator's otherwise. Never logged.
   */
  @RequiredOutside('development', 'test')
  @IsString() @MinLength(32, { message: 'AFRICASTALKING_CALLBACK_SECRET must be at least 32 characters' })
  AFRICASTALKING_CALLBACK_SECRET: string;

  /**
   * The sandbox's own callback secret, for the callback URL the sandbox (our simulator) is given, so
   * that it never holds the live one; what it authenticates may only settle test dispatches. Unset:
   * the live secret serves both.
   */
  @ValidateIf((c: AfricasTalkingConfig) => c.AFRICASTALKING_SANDBOX_CALLBACK_SECRET !== undefined)
  @IsString() @MinLength(32, { message: 'AFRICASTALKING_SANDBOX_CALLBACK_SECRET must be at least 32 characters' })
  AFRICASTALKING_SANDBOX_CALLBACK_SECRET?: string;

  callbackSecrets(): Record<ApiKeyMode, string> {
    const live = this.AFRICASTALKING_CALLBACK_SECRET ?? SIMULATOR_CALLBACK_SECRET;
    return { live, test: this.AFRICASTALKING_SANDBOX_CALLBACK_SECRET ?? live };
  }

  endpoint(mode: ApiKeyMode): { baseUrl: string; apiKey: string } {
    return {
      baseUrl: (mode === 'test' ? this.AFRICASTALKING_SANDBOX_BASE_URL : this.AFRICASTALKING_BASE_URL).replace(/\/$/, ''),
      apiKey: mode === 'test' ? 'sim-at-api-key' : (this.AFRICASTALKING_API_KEY ?? 'sim-at-api-key'),
    };
  }
}
