import { ConfigError, loadConfig } from '@airtime/platform';
import { ProviderAdaptersConfig } from './provider-adapters.config.js';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/provider_adapters';
const KEYS = { PESEPAY_INTEGRATION_KEY: 'live-integration-key', PESEPAY_ENCRYPTION_KEY: 'live-encryption-key-0123456789ab' };
const URLS = { PESEPAY_BASE_URL: 'https://api.pesepay.com/api/payments-engine', PESEPAY_SANDBOX_BASE_URL: 'http://sim:4010/pesepay/api/payments-engine' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(ProviderAdaptersConfig, env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
}

describe('provider-adapters configuration', () => {
  it('refuses to start without the Pesepay keys outside development, naming them', () => {
    expect(problemsOf({ NODE_ENV: 'test', DATABASE_URL }).map((p) => p.split(':')[0]).sort()).toEqual(['PESEPAY_ENCRYPTION_KEY', 'PESEPAY_INTEGRATION_KEY']);
    expect(problemsOf({ NODE_ENV: 'production', DATABASE_URL, ...URLS }).map((p) => p.split(':')[0]).sort()).toEqual(['PESEPAY_ENCRYPTION_KEY', 'PESEPAY_INTEGRATION_KEY']);
    expect(problemsOf({ NODE_ENV: 'production', DATABASE_URL, ...KEYS, ...URLS })).toEqual([]);
  });

  it("refuses to start in production (the default) on the simulator's URLs", () => {
    expect(problemsOf({ DATABASE_URL, ...KEYS }).map((p) => p.split(':')[0]).sort()).toEqual(['PESEPAY_BASE_URL', 'PESEPAY_SANDBOX_BASE_URL']);
  });

  it('says plainly that a key is missing', () => {
    expect(problemsOf({ NODE_ENV: 'production', DATABASE_URL, ...URLS })).toEqual([
      'PESEPAY_INTEGRATION_KEY: PESEPAY_INTEGRATION_KEY is required outside development; PESEPAY_INTEGRATION_KEY must be 1 to 200 visible ASCII characters',
      'PESEPAY_ENCRYPTION_KEY: PESEPAY_ENCRYPTION_KEY is required outside development; PESEPAY_ENCRYPTION_KEY must be exactly 32 ASCII characters',
    ]);
  });

  it('refuses an integration key that cannot be a header value', () => {
    expect(problemsOf({ NODE_ENV: 'development', DATABASE_URL, PESEPAY_INTEGRATION_KEY: 'has space', PESEPAY_SANDBOX_INTEGRATION_KEY: '' }).map((p) => p.split(':')[0])).toEqual([
      'PESEPAY_INTEGRATION_KEY',
      'PESEPAY_SANDBOX_INTEGRATION_KEY',
    ]);
  });

  it('refuses an encryption key that is not 32 ASCII characters, in any environment', () => {
    for (const key of ['x'.repeat(31), 'x'.repeat(33), `${'x'.repeat(31)}é`]) {
      expect(problemsOf({ NODE_ENV: 'development', DATABASE_URL, PESEPAY_ENCRYPTION_KEY: key })).toEqual([
        'PESEPAY_ENCRYPTION_KEY: PESEPAY_ENCRYPTION_KEY must be exactly 32 ASCII characters',
      ]);
      expect(problemsOf({ NODE_ENV: 'production', DATABASE_URL, ...KEYS, ...URLS, PESEPAY_SANDBOX_ENCRYPTION_KEY: key })).toEqual([
        'PESEPAY_SANDBOX_ENCRYPTION_KEY: PESEPAY_SANDBOX_ENCRYPTION_KEY must be exactly 32 ASCII characters',
      ]);
    }
  });

  it("lets development start on the simulator's keys and URL", () => {
    const config = loadConfig(ProviderAdaptersConfig, { NODE_ENV: 'development', DATABASE_URL });
    const expected = {
      baseUrl: 'http://127.0.0.1:4010/pesepay/api/payments-engine',
      integrationKey: 'sim-pesepay-integration-key-0001',
      encryptionKey: 'sim-pesepay-encryption-key-00001',
    };
    expect(config.pesepay('live')).toEqual({ mode: 'live', ...expected });
    expect(config.pesepay('test')).toEqual({ mode: 'test', ...expected });
    expect(config.PESEPAY_TIMEOUT_MS).toBe(10_000);
  });

  it('sends test keys to the sandbox, with its own keys when it has them and the live pair otherwise', () => {
    const env = { NODE_ENV: 'production', DATABASE_URL, ...KEYS, PESEPAY_BASE_URL: 'https://api.pesepay.com/api/payments-engine', PESEPAY_SANDBOX_BASE_URL: 'http://sim:4010/pesepay/api/payments-engine', PESEPAY_TIMEOUT_MS: '2500' };
    const shared = loadConfig(ProviderAdaptersConfig, env);
    expect(shared.pesepay('live')).toEqual({ mode: 'live', baseUrl: 'https://api.pesepay.com/api/payments-engine', integrationKey: 'live-integration-key', encryptionKey: KEYS.PESEPAY_ENCRYPTION_KEY });
    expect(shared.pesepay('test')).toEqual({ mode: 'test', baseUrl: 'http://sim:4010/pesepay/api/payments-engine', integrationKey: 'live-integration-key', encryptionKey: KEYS.PESEPAY_ENCRYPTION_KEY });
    expect(shared.PESEPAY_TIMEOUT_MS).toBe(2500);

    const own = loadConfig(ProviderAdaptersConfig, { ...env, PESEPAY_SANDBOX_INTEGRATION_KEY: 'sandbox-key', PESEPAY_SANDBOX_ENCRYPTION_KEY: 'sandbox-encryption-key-012345678' });
    expect(own.pesepay('test')).toMatchObject({ integrationKey: 'sandbox-key', encryptionKey: 'sandbox-encryption-key-012345678' });
    expect(own.pesepay('live')).toMatchObject({ integrationKey: 'live-integration-key' });
  });

  it('refuses base URLs that are not http(s) URLs and a timeout out of range', () => {
    expect(problemsOf({ NODE_ENV: 'development', DATABASE_URL, PESEPAY_BASE_URL: 'api.pesepay.com', PESEPAY_SANDBOX_BASE_URL: 'ftp://sim', PESEPAY_TIMEOUT_MS: '0' }).map((p) => p.split(':')[0]).sort()).toEqual([
      'PESEPAY_BASE_URL',
      'PESEPAY_SANDBOX_BASE_URL',
      'PESEPAY_TIMEOUT_MS',
    ]);
  });
});
