import { type ConfigError, loadConfig } from '@airtime/platform';
import { EstoresmsConfig } from './estoresms.config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(EstoresmsConfig, env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
}

const LIVE = { ESTORESMS_USERNAME: 'shop', ESTORESMS_EMAIL: 'ops@shop.example', ESTORESMS_TOKEN: 'live-token', ESTORESMS_PASSWORD: 'live-password' };
const URLS = { ESTORESMS_BASE_URL: 'https://estoresms.com', ESTORESMS_SANDBOX_BASE_URL: 'http://sim.internal:4010/estoresms', ESTORESMS_CALLBACK_URL: 'https://api.example/callbacks/estoresms' };

describe('eStoreSMS configuration', () => {
  it("starts on the simulator and its development account, with a 10 s timeout and the gateway's callback", () => {
    const config = loadConfig(EstoresmsConfig, { NODE_ENV: 'test' });
    expect(config.ESTORESMS_TIMEOUT_MS).toBe(10_000);
    expect(config.ESTORESMS_CALLBACK_URL).toBe('http://127.0.0.1:3000/callbacks/estoresms');
    expect(config.ESTORESMS_PIN_MESSAGE).toBe('Thank you');
    for (const mode of ['live', 'test'] as const) {
      expect(config.endpoint(mode)).toEqual({
        mode,
        baseUrl: 'http://127.0.0.1:4010/estoresms',
        username: 'simuser',
        email: 'sim@example.com',
        token: 'sim-estoresms-token',
        password: 'sim-estoresms-password',
      });
    }
  });

  it('refuses to start in production without the account and the URLs, naming each setting', () => {
    expect(problemsOf({ NODE_ENV: 'production' }).map((p) => p.split(':')[0]).sort()).toEqual([
      'ESTORESMS_BASE_URL',
      'ESTORESMS_CALLBACK_URL',
      'ESTORESMS_EMAIL',
      'ESTORESMS_PASSWORD',
      'ESTORESMS_SANDBOX_BASE_URL',
      'ESTORESMS_TOKEN',
      'ESTORESMS_USERNAME',
    ]);
    expect(problemsOf({ NODE_ENV: 'production', ...URLS })[0]).toContain('ESTORESMS_USERNAME is required in production');
    expect(problemsOf({ NODE_ENV: 'production', ...LIVE, ...URLS })).toEqual([]);
    expect(problemsOf({ ...LIVE, ...URLS })).toEqual([]);
    expect(problemsOf({ NODE_ENV: 'test' })).toEqual([]);
  });

  it('sends test keys to the sandbox URL with the sandbox account, the simulator’s unless named', () => {
    const config = loadConfig(EstoresmsConfig, {
      NODE_ENV: 'production',
      ...LIVE,
      ESTORESMS_BASE_URL: 'https://estoresms.com/',
      ESTORESMS_SANDBOX_BASE_URL: 'http://sim.internal:4010/estoresms',
      ESTORESMS_CALLBACK_URL: 'https://api.example/callbacks/estoresms',
    });
    expect(config.endpoint('live')).toEqual({ mode: 'live', baseUrl: 'https://estoresms.com', username: 'shop', email: 'ops@shop.example', token: 'live-token', password: 'live-password' });
    expect(config.endpoint('test')).toEqual({
      mode: 'test',
      baseUrl: 'http://sim.internal:4010/estoresms',
      username: 'simuser',
      email: 'sim@example.com',
      token: 'sim-estoresms-token',
      password: 'sim-estoresms-password',
    });
    const named = loadConfig(EstoresmsConfig, { NODE_ENV: 'test', ESTORESMS_SANDBOX_USERNAME: 'sandbox', ESTORESMS_SANDBOX_EMAIL: 's@x.example', ESTORESMS_SANDBOX_TOKEN: 'st', ESTORESMS_SANDBOX_PASSWORD: 'sp' });
    expect(named.endpoint('test')).toMatchObject({ username: 'sandbox', email: 's@x.example', token: 'st', password: 'sp' });
  });

  it('refuses malformed settings in any environment', () => {
    expect(
      problemsOf({
        NODE_ENV: 'test',
        ESTORESMS_BASE_URL: 'estoresms.com',
        ESTORESMS_TIMEOUT_MS: '50',
        ESTORESMS_TOKEN: 'has space',
        ESTORESMS_CALLBACK_URL: 'nowhere',
        ESTORESMS_PIN_MESSAGE: 'x'.repeat(21),
      })
        .map((p) => p.split(':')[0])
        .sort(),
    ).toEqual(['ESTORESMS_BASE_URL', 'ESTORESMS_CALLBACK_URL', 'ESTORESMS_PIN_MESSAGE', 'ESTORESMS_TIMEOUT_MS', 'ESTORESMS_TOKEN']);
  });
});
