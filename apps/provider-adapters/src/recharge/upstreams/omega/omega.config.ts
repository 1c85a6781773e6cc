import { IsIn, IsInt, IsOptional, IsUrl, Matches, Max, Min } from 'class-validator';
import type { ApiKeyMode } from '@airtime/contracts';
import { RequiredOutside } from '@airtime/platform';
import { normalizePhone } from '@airtime/phone';

const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };
/** A phone number in any usual writing (+263770000000, 263770000000, 0770000000). */
const PHONE = /^\+?\d{9,15}$/;
const PHONE_MESSAGE = (name: string) => `${name} must be a phone number, e.g. +263771234567`;
const PIN = /^\d{4,12}$/;
const PIN_MESSAGE = (name: string) => `${name} must be 4 to 12 digits`;

/** The simulator's own account (libs/simulators/src/omega, SIM_OMEGA_PHONE and SIM_OMEGA_PIN defaults). */
export const OMEGA_SIMULATOR_ACCOUNT = { phone: '263770000000', pin: '4321' } as const;

/**
 * Only production must name the account: there a missing credential stops the service at start-up.
 * Development and test (the Jest suites and the end-to-end platform run NODE_ENV=test without Omega
 * credentials) talk to the simulator and fall back to its account.
 */

/** One Omega account: where it is and how it logs in. Never logged. */
export interface OmegaEndpoint {
  mode: ApiKeyMode;
  baseUrl: string;
  /** International format with '+', as 000 shows it (+263771234567). */
  phone: string;
  pin: string;
}

export class OmegaConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'production';

  /** Omega for live keys (000: http://api.omega.sendai.co.zw). */
  @RequiredOutside('development', 'test') @IsUrl(URL_OPTIONS)
  OMEGA_BASE_URL = 'http://127.0.0.1:4010/omega';

  /** For test keys: the simulator (or an Omega sandbox), so that sandbox traffic never moves money. */
  @RequiredOutside('development', 'test') @IsUrl(URL_OPTIONS)
  OMEGA_SANDBOX_BASE_URL = 'http://127.0.0.1:4010/omega';

  /** The phone of our user at Omega, for PIN authentication. Never logged. */
  @RequiredOutside('development', 'test')
  @Matches(PHONE, { message: PHONE_MESSAGE('OMEGA_PHONE') })
  OMEGA_PHONE?: string;

  /** Its PIN. Never logged. */
  @RequiredOutside('development', 'test')
  @Matches(PIN, { message: PIN_MESSAGE('OMEGA_PIN') })
  OMEGA_PIN?: string;

  /** The sandbox's account; by default the simulator's, whatever the live account is. */
  @IsOptional() @Matches(PHONE, { message: PHONE_MESSAGE('OMEGA_SANDBOX_PHONE') })
  OMEGA_SANDBOX_PHONE?: string;

  @IsOptional() @Matches(PIN, { message: PIN_MESSAGE('OMEGA_SANDBOX_PIN') })
  OMEGA_SANDBOX_PIN?: string;

  /** How long one call may take, answer included; a recharge that takes longer is unknown, never failed. */
  @IsInt() @Min(100) @Max(120_000)
  OMEGA_TIMEOUT_MS: number = 10_000;

  /** A cached token is replaced this long before its expires_at, so none expires on its way. */
  @IsInt() @Min(0) @Max(3600)
  OMEGA_TOKEN_REFRESH_SECONDS: number = 60;

  /** Test keys always go to the sandbox URL with the sandbox account; live keys to Omega. */
  endpoint(mode: ApiKeyMode): OmegaEndpoint {
    const live = mode === 'live';
    return {
      mode,
      baseUrl: (live ? this.OMEGA_BASE_URL : this.OMEGA_SANDBOX_BASE_URL).replace(/\/+$/, ''),
      phone: international((live ? this.OMEGA_PHONE : this.OMEGA_SANDBOX_PHONE) ?? OMEGA_SIMULATOR_ACCOUNT.phone),
      pin: (live ? this.OMEGA_PIN : this.OMEGA_SANDBOX_PIN) ?? OMEGA_SIMULATOR_ACCOUNT.pin,
    };
  }
}

/** 000: "Must be in international format (e.g., +263771234567)"; a local number is read as Zimbabwean. */
function international(phone: string): string {
  return `+${normalizePhone(phone) ?? phone.replace(/^\+/, '')}`;
}
