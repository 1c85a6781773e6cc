import { IsInt, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { RequiredOutside } from './required-setting.js';
import { ConfigError, loadConfig } from './load-config.js';
import { DatabaseServiceConfig } from './service-config.js';

class ExampleConfig extends DatabaseServiceConfig {
  @IsInt() @Min(1) @Max(10)
  RETRIES: number = 3;

  @RequiredOutside('development', 'test') @IsUrl({ require_tld: false })
  UPSTREAM_URL = 'http://127.0.0.1:4010/sim';
}

class SigningConfig extends DatabaseServiceConfig {
  /** No default: a signing secret only development may go without. */
  @RequiredOutside('development') @IsString() @MinLength(32)
  SIGNING_SECRET?: string;

  /** No default either, but a simulator's key stands in outside production. */
  @RequiredOutside('development', 'test') @IsString() @MinLength(8)
  UPSTREAM_KEY?: string;
}

describe('loadConfig', () => {
  const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x' };

  it('reads settings from the environment, converting numbers and keeping defaults', () => {
    const config = loadConfig(ExampleConfig, { ...base, NODE_ENV: 'test', RETRIES: '7' });
    expect(config.RETRIES).toBe(7);
    expect(config.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(config.NODE_ENV).toBe('test');
  });

  it('runs as production when NODE_ENV is unset: development must be asked for', () => {
    expect(loadConfig(ExampleConfig, { ...base, UPSTREAM_URL: 'https://upstream.example' }).NODE_ENV).toBe('production');
    expect(loadConfig(ExampleConfig, { ...base, NODE_ENV: 'development' }).NODE_ENV).toBe('development');
  });

  it('refuses a production start that relies on a development default, naming the setting', () => {
    expect(() => loadConfig(ExampleConfig, { ...base, NODE_ENV: 'production' })).toThrow(/UPSTREAM_URL: UPSTREAM_URL is required in production/);
    expect(() => loadConfig(ExampleConfig, base)).toThrow(/UPSTREAM_URL is required in production/);
    expect(() => loadConfig(ExampleConfig, { ...base, UPSTREAM_URL: '' })).toThrow(/UPSTREAM_URL/);
    expect(loadConfig(ExampleConfig, { ...base, UPSTREAM_URL: 'https://upstream.example' }).UPSTREAM_URL).toBe('https://upstream.example');
    expect(loadConfig(ExampleConfig, { ...base, NODE_ENV: 'test' }).UPSTREAM_URL).toBe('http://127.0.0.1:4010/sim');
    expect(loadConfig(ExampleConfig, { ...base, NODE_ENV: 'development' }).UPSTREAM_URL).toBe('http://127.0.0.1:4010/sim');
  });

  it('fails fast, naming every missing or malformed setting', () => {
    let error: unknown;
    try {
      loadConfig(ExampleConfig, { NODE_ENV: 'test', RETRIES: 'eleven', NATS_URL: 'http://nats', NATS_SUBJECT_PREFIX: 'no-dot' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.split(':')[0]).sort();
    expect(problems).toEqual(['DATABASE_URL', 'NATS_SUBJECT_PREFIX', 'NATS_URL', 'RETRIES']);
    expect((error as Error).message).toContain('DATABASE_URL must be a postgres:// URL');
  });

  it('holds each required setting to where it may be left out, and checks a given value wherever it is given', () => {
    const problemsIn = (env: Record<string, string>) => {
      try {
        loadConfig(SigningConfig, { ...base, ...env });
        return [];
      } catch (e) {
        return (e as ConfigError).problems;
      }
    };
    expect(problemsIn({ NODE_ENV: 'development' })).toEqual([]);
    expect(problemsIn({ NODE_ENV: 'test' })).toEqual([expect.stringMatching(/^SIGNING_SECRET: SIGNING_SECRET is required outside development/)]);
    expect(problemsIn({ NODE_ENV: 'production' }).map((p) => p.split(':')[0])).toEqual(['SIGNING_SECRET', 'UPSTREAM_KEY']);
    expect(problemsIn({ NODE_ENV: 'production' })[1]).toMatch(/UPSTREAM_KEY is required in production/);
    expect(problemsIn({ NODE_ENV: 'development', SIGNING_SECRET: 'short', UPSTREAM_KEY: 'k' }).map((p) => p.split(':')[0])).toEqual(['SIGNING_SECRET', 'UPSTREAM_KEY']);
    expect(problemsIn({ NODE_ENV: 'production', SIGNING_SECRET: 's'.repeat(32), UPSTREAM_KEY: 'upstream-key' })).toEqual([]);
  });
});
