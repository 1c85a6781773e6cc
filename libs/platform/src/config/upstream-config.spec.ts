import { IsInt } from 'class-validator';
import { ConfigError, loadConfig } from './load-config.js';
import { UpstreamConfig } from './upstream-config.js';

class ExampleUpstreamConfig extends UpstreamConfig('EXAMPLE', { baseUrl: 'http://127.0.0.1:4010/example/', apiKey: 'sim-example-key' }) {
  @IsInt()
  EXAMPLE_DAILY_LIMIT: number = 5;
}

describe('UpstreamConfig', () => {
  it('names its settings after the prefix, converts them from the environment and keeps the simulator as default', () => {
    const config = loadConfig(ExampleUpstreamConfig, { NODE_ENV: 'test', EXAMPLE_TIMEOUT_MS: '2500', EXAMPLE_DAILY_LIMIT: '7' });
    expect(config).toMatchObject({ EXAMPLE_BASE_URL: 'http://127.0.0.1:4010/example/', EXAMPLE_TIMEOUT_MS: 2500, EXAMPLE_DAILY_LIMIT: 7 });
    expect(config.endpoint('live')).toEqual({ baseUrl: 'http://127.0.0.1:4010/example', apiKey: 'sim-example-key' });
  });

  it('sends test keys to the sandbox with the simulator key, never the live account', () => {
    const config = loadConfig(ExampleUpstreamConfig, {
      NODE_ENV: 'production', EXAMPLE_BASE_URL: 'https://api.example.com', EXAMPLE_SANDBOX_BASE_URL: 'https://sandbox.example.com/', EXAMPLE_API_KEY: 'live-secret-key',
    });
    expect(config.endpoint('live')).toEqual({ baseUrl: 'https://api.example.com', apiKey: 'live-secret-key' });
    expect(config.endpoint('test')).toEqual({ baseUrl: 'https://sandbox.example.com', apiKey: 'sim-example-key' });
  });

  it('refuses to start in production without the URLs and the key, naming each, and checks what is given', () => {
    const problems = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig(ExampleUpstreamConfig, env);
        return [];
      } catch (e) {
        return (e as ConfigError).problems.map((p) => p.split(':')[0]).sort();
      }
    };
    expect(problems({ NODE_ENV: 'production' })).toEqual(['EXAMPLE_API_KEY', 'EXAMPLE_BASE_URL', 'EXAMPLE_SANDBOX_BASE_URL']);
    expect(problems({ NODE_ENV: 'development', EXAMPLE_API_KEY: 'short', EXAMPLE_BASE_URL: 'not a url', EXAMPLE_TIMEOUT_MS: '5' })).toEqual(['EXAMPLE_API_KEY', 'EXAMPLE_BASE_URL', 'EXAMPLE_TIMEOUT_MS']);
  });
});
