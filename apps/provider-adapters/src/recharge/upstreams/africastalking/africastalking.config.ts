import { IsOptional, IsString, MinLength } from 'class-validator';
import type { ApiKeyMode } from '@airtime/contracts';
import { RequiredOutside, UpstreamConfig } from '@airtime/platform';

/** What the simulator's default callback URL carries (libs/simulators), so that `npm start` works untouched. */
export const SIMULATOR_CALLBACK_SECRET = 'sim-africastalking-callback-secret-0001';

/**
 * The airtime service of seed 002 (Africa's Talking); the simulator by default. /airtime/... is
 * appended to the base URLs; `AFRICASTALKING_API_KEY` is its `apiKey`, never logged.
 */
export class AfricasTalkingConfig extends UpstreamConfig('AFRICASTALKING', { baseUrl: 'http://127.0.0.1:4010/africastalking', apiKey: 'sim-at-api-key' }) {
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
  @IsOptional() @IsString() @MinLength(32, { message: 'AFRICASTALKING_SANDBOX_CALLBACK_SECRET must be at least 32 characters' })
  AFRICASTALKING_SANDBOX_CALLBACK_SECRET?: string;

  callbackSecrets(): Record<ApiKeyMode, string> {
    const live = this.AFRICASTALKING_CALLBACK_SECRET ?? SIMULATOR_CALLBACK_SECRET;
    return { live, test: this.AFRICASTALKING_SANDBOX_CALLBACK_SECRET ?? live };
  }
}
