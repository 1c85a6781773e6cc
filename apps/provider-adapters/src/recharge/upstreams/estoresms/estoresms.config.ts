import { IsIn, IsInt, IsOptional, IsUrl, Matches, Max, MaxLength, Min } from 'class-validator';
import type { ApiKeyMode } from '@airtime/contracts';
import { RequiredOutside } from '@airtime/platform';

const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };
/** Hashed into every request, so visible ASCII only. */
const CREDENTIAL = /^[\x21-\x7E]{1,200}$/;
const CREDENTIAL_MESSAGE = (name: string) => `${name} must be 1 to 200 visible ASCII characters`;

/**
 * The simulator's own development account (libs/simulators, SIM_ESTORESMS_*), so that `npm start`,
 * the tests and sandbox traffic work untouched.
 */
export const ESTORESMS_SIMULATOR_ACCOUNT = { username: 'simuser', email: 'sim@example.com', token: 'sim-estoresms-token', password: 'sim-estoresms-password' } as const;

/**
 * Only production must name the account: there a missing credential stops the service at start-up.
 * Development and test (the Jest suites and the end-to-end platform, NODE_ENV=test) talk to the
 * simulator, and fall back to its development account.
 */

/** One eStoreSMS account: where it is and how its requests are signed. */
export interface EstoresmsEndpoint {
  mode: ApiKeyMode;
  baseUrl: string;
  username: string;
  email: string;
  token: string;
  /** Only for the balance call (`smsapi.php`), which signs in with username and password. */
  password: string;
}

export class EstoresmsConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'production';

  /** eStoreSMS for live keys (https://estoresms.com in production). */
  @RequiredOutside('development', 'test') @IsUrl(URL_OPTIONS)
  ESTORESMS_BASE_URL = 'http://127.0.0.1:4010/estoresms';

  /** For test keys: eStoreSMS has no sandbox, so the simulator; sandbox traffic never buys a PIN. */
  @RequiredOutside('development', 'test') @IsUrl(URL_OPTIONS)
  ESTORESMS_SANDBOX_BASE_URL = 'http://127.0.0.1:4010/estoresms';

  /** The account's username. Never logged. */
  @RequiredOutside('development', 'test')
  @Matches(CREDENTIAL, { message: CREDENTIAL_MESSAGE('ESTORESMS_USERNAME') })
  ESTORESMS_USERNAME?: string;

  /** The account's email address, part of every hash. Never logged. */
  @RequiredOutside('development', 'test')
  @Matches(CREDENTIAL, { message: CREDENTIAL_MESSAGE('ESTORESMS_EMAIL') })
  ESTORESMS_EMAIL?: string;

  /** The Airtime/Data API token from eStoreSMS's settings page, part of every hash. Never logged. */
  @RequiredOutside('development', 'test')
  @Matches(CREDENTIAL, { message: CREDENTIAL_MESSAGE('ESTORESMS_TOKEN') })
  ESTORESMS_TOKEN?: string;

  /** The account's password, for the balance call only (our float, in the upstreams' health). Never logged. */
  @RequiredOutside('development', 'test')
  @Matches(CREDENTIAL, { message: CREDENTIAL_MESSAGE('ESTORESMS_PASSWORD') })
  ESTORESMS_PASSWORD?: string;

  /** The sandbox's account; by default the simulator's, whatever the live account is. */
  @IsOptional() @Matches(CREDENTIAL, { message: CREDENTIAL_MESSAGE('ESTORESMS_SANDBOX_USERNAME') })
  ESTORESMS_SANDBOX_USERNAME?: string;

  @IsOptional() @Matches(CREDENTIAL, { message: CREDENTIAL_MESSAGE('ESTORESMS_SANDBOX_EMAIL') })
  ESTORESMS_SANDBOX_EMAIL?: string;

  @IsOptional() @Matches(CREDENTIAL, { message: CREDENTIAL_MESSAGE('ESTORESMS_SANDBOX_TOKEN') })
  ESTORESMS_SANDBOX_TOKEN?: string;

  @IsOptional() @Matches(CREDENTIAL, { message: CREDENTIAL_MESSAGE('ESTORESMS_SANDBOX_PASSWORD') })
  ESTORESMS_SANDBOX_PASSWORD?: string;

  /** Sent as each request's `callback`: the gateway's POST /callbacks/estoresms, as eStoreSMS reaches it. */
  @RequiredOutside('development', 'test') @IsUrl(URL_OPTIONS)
  ESTORESMS_CALLBACK_URL = 'http://127.0.0.1:3000/callbacks/estoresms';

  /** `pinMessage` when the order carries no message (eStoreSMS keeps 20 characters). */
  @MaxLength(20)
  ESTORESMS_PIN_MESSAGE = 'Thank you';

  /** How long one call may take, answer included; a send that takes longer is unknown, never failed. */
  @IsInt() @Min(100) @Max(120_000)
  ESTORESMS_TIMEOUT_MS: number = 10_000;

  /** Test keys always go to the sandbox URL with the sandbox account; live keys to eStoreSMS. */
  endpoint(mode: ApiKeyMode): EstoresmsEndpoint {
    if (mode === 'live') {
      return {
        mode,
        baseUrl: this.ESTORESMS_BASE_URL.replace(/\/+$/, ''),
        username: this.ESTORESMS_USERNAME ?? ESTORESMS_SIMULATOR_ACCOUNT.username,
        email: this.ESTORESMS_EMAIL ?? ESTORESMS_SIMULATOR_ACCOUNT.email,
        token: this.ESTORESMS_TOKEN ?? ESTORESMS_SIMULATOR_ACCOUNT.token,
        password: this.ESTORESMS_PASSWORD ?? ESTORESMS_SIMULATOR_ACCOUNT.password,
      };
    }
    return {
      mode,
      baseUrl: this.ESTORESMS_SANDBOX_BASE_URL.replace(/\/+$/, ''),
      username: this.ESTORESMS_SANDBOX_USERNAME ?? ESTORESMS_SIMULATOR_ACCOUNT.username,
      email: this.ESTORESMS_SANDBOX_EMAIL ?? ESTORESMS_SIMULATOR_ACCOUNT.email,
      token: this.ESTORESMS_SANDBOX_TOKEN ?? ESTORESMS_SIMULATOR_ACCOUNT.token,
      password: this.ESTORESMS_SANDBOX_PASSWORD ?? ESTORESMS_SIMULATOR_ACCOUNT.password,
    };
  }
}
