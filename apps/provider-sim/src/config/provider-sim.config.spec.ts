import { ConfigError, loadConfig } from '@airtime/platform';
import { ProviderSimConfig } from './provider-sim.config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(ProviderSimConfig, env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
}

describe('provider-sim configuration', () => {
  it("starts on development values, with a Pesepay encryption key AES-256 can use", () => {
    const config = loadConfig(ProviderSimConfig, {});
    expect(config.PESEPAY_INTEGRATION_KEY).toBe('sim-pesepay-integration-key-0001');
    expect(config.PESEPAY_ENCRYPTION_KEY).toBe('sim-pesepay-encryption-key-00001');
    expect(Buffer.byteLength(config.PESEPAY_ENCRYPTION_KEY, 'utf8')).toBe(32);
    expect(config.SIM_PUBLIC_URL).toBe('http://localhost:4010');
  });

  it('refuses an encryption key that is not 32 ASCII characters, naming it', () => {
    for (const key of ['x'.repeat(31), 'x'.repeat(33), `${'x'.repeat(31)}é`]) {
      expect(problemsOf({ PESEPAY_ENCRYPTION_KEY: key })).toEqual(['PESEPAY_ENCRYPTION_KEY: PESEPAY_ENCRYPTION_KEY must be exactly 32 ASCII characters']);
    }
  });

  it('refuses an empty integration key and a public URL that is not one', () => {
    expect(problemsOf({ PESEPAY_INTEGRATION_KEY: '', SIM_PUBLIC_URL: 'localhost' }).map((p) => p.split(':')[0]).sort()).toEqual([
      'PESEPAY_INTEGRATION_KEY',
      'SIM_PUBLIC_URL',
    ]);
  });
});
