import { IsInt, IsOptional, IsUrl, Matches, Max, Min } from 'class-validator';
import type { ApiKeyMode } from '@airtime/contracts';
import { DatabaseServiceConfig, RequiredOutside } from '@airtime/platform';
import type { PesepayEndpoint } from '../pesepay/pesepay-endpoint.js';
import { DEFAULT_UPSTREAM_MAX_BODY_BYTES } from '../recharge/upstream-http.js';

const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };
/** Sent as a header value, so visible ASCII only. */
const INTEGRATION_KEY = /^[\x21-\x7E]{1,200}$/;
const INTEGRATION_KEY_MESSAGE = (name: string) => `${name} must be 1 to 200 visible ASCII characters`;
/** AES-256 takes 32 bytes; Pesepay uses the key's UTF-8 bytes, so 32 ASCII characters. */
const ENCRYPTION_KEY = /^[\x20-\x7E]{32}$/;
const ENCRYPTION_KEY_MESSAGE = (name: string) => `${name} must be exactly 32 ASCII characters`;

/** The simulator's own development keys (apps/provider-sim), so that `npm start` works untouched. */
const DEVELOPMENT_INTEGRATION_KEY = 'sim-pesepay-integration-key-0001';
const DEVELOPMENT_ENCRYPTION_KEY = 'sim-pesepay-encryption-key-00001';

export class ProviderAdaptersConfig extends DatabaseServiceConfig {
  /** Pesepay's API for live keys. */
  @RequiredOutside('development', 'test') @IsUrl(URL_OPTIONS)
  PESEPAY_BASE_URL = 'http://127.0.0.1:4010/pesepay/api/payments-engine';

  /** Pesepay's API for test keys: the simulator or Pesepay's sandbox, so that sandbox traffic never moves money. */
  @RequiredOutside('development', 'test') @IsUrl(URL_OPTIONS)
  PESEPAY_SANDBOX_BASE_URL = 'http://127.0.0.1:4010/pesepay/api/payments-engine';

  /** Sent bare as `authorization`. Only development may omit it (and then uses the simulator's). */
  @RequiredOutside('development')
  @Matches(INTEGRATION_KEY, { message: INTEGRATION_KEY_MESSAGE('PESEPAY_INTEGRATION_KEY') })
  PESEPAY_INTEGRATION_KEY?: string;

  /** Encrypts requests and decrypts answers and callbacks. Only development may omit it. */
  @RequiredOutside('development')
  @Matches(ENCRYPTION_KEY, { message: ENCRYPTION_KEY_MESSAGE('PESEPAY_ENCRYPTION_KEY') })
  PESEPAY_ENCRYPTION_KEY?: string;

  /** The sandbox's own keys, when it has other ones than the live pair; otherwise the live pair is used. */
  @IsOptional() @Matches(INTEGRATION_KEY, { message: INTEGRATION_KEY_MESSAGE('PESEPAY_SANDBOX_INTEGRATION_KEY') })
  PESEPAY_SANDBOX_INTEGRATION_KEY?: string;

  @IsOptional() @Matches(ENCRYPTION_KEY, { message: ENCRYPTION_KEY_MESSAGE('PESEPAY_SANDBOX_ENCRYPTION_KEY') })
  PESEPAY_SANDBOX_ENCRYPTION_KEY?: string;

  /** How long one call to Pesepay may take, answer included, before it counts as unavailable. */
  @IsInt() @Min(100) @Max(120_000)
  PESEPAY_TIMEOUT_MS: number = 10_000;

  /** The most of an upstream's answer (recharge upstreams and Pesepay) that is read; a larger one is garbage. */
  @IsInt() @Min(1024) @Max(64 * 1024 * 1024)
  UPSTREAM_MAX_BODY_BYTES: number = DEFAULT_UPSTREAM_MAX_BODY_BYTES;

  /** Test keys always go to the sandbox URL; live keys to Pesepay. */
  pesepay(mode: ApiKeyMode): PesepayEndpoint {
    const integrationKey = this.PESEPAY_INTEGRATION_KEY ?? DEVELOPMENT_INTEGRATION_KEY;
    const encryptionKey = this.PESEPAY_ENCRYPTION_KEY ?? DEVELOPMENT_ENCRYPTION_KEY;
    if (mode === 'live') return { mode, baseUrl: this.PESEPAY_BASE_URL, integrationKey, encryptionKey };
    return {
      mode,
      baseUrl: this.PESEPAY_SANDBOX_BASE_URL,
      integrationKey: this.PESEPAY_SANDBOX_INTEGRATION_KEY ?? integrationKey,
      encryptionKey: this.PESEPAY_SANDBOX_ENCRYPTION_KEY ?? encryptionKey,
    };
  }
}
