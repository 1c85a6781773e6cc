import { IsInt, Max, Min } from 'class-validator';
import { ConfigError, loadConfig } from './load-config.js';
import { DatabaseServiceConfig } from './service-config.js';

class ExampleConfig extends DatabaseServiceConfig {
  @IsInt() @Min(1) @Max(10)
  RETRIES: number = 3;
}

describe('loadConfig', () => {
  const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x' };

  it('reads settings from the environment, converting numbers and keeping defaults', () => {
    const config = loadConfig(ExampleConfig, { ...base, RETRIES: '7' });
    expect(config.RETRIES).toBe(7);
    expect(config.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(config.NODE_ENV).toBe('development');
  });

  it('fails fast, naming every missing or malformed setting', () => {
    let error: unknown;
    try {
      loadConfig(ExampleConfig, { RETRIES: 'eleven', NATS_URL: 'http://nats', NATS_SUBJECT_PREFIX: 'no-dot' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.split(':')[0]).sort();
    expect(problems).toEqual(['DATABASE_URL', 'NATS_SUBJECT_PREFIX', 'NATS_URL', 'RETRIES']);
    expect((error as Error).message).toContain('DATABASE_URL must be a postgres:// URL');
  });
});
