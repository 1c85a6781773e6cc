import { ConfigError, loadConfig } from '@airtime/platform';
import { SmsConfig } from '../sms/sms.config.js';
import { NotificationsConfig } from './notifications.config.js';

const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/notifications', WEBHOOK_SECRET_KEY: 'k'.repeat(40) };

function problemsOf<T extends object>(cls: new () => T, env: Record<string, string>): string[] {
  try {
    loadConfig(cls, env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
}

describe('webhook receiver settings', () => {
  it('refuse private receivers unless WEBHOOK_ALLOW_PRIVATE_TARGETS is set: never because NODE_ENV is unset or development', () => {
    expect(loadConfig(NotificationsConfig, base).allowPrivateTargets()).toBe(false);
    expect(loadConfig(NotificationsConfig, { ...base, NODE_ENV: 'development' }).allowPrivateTargets()).toBe(false);
    expect(loadConfig(NotificationsConfig, { ...base, NODE_ENV: 'test', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' }).allowPrivateTargets()).toBe(false);
    expect(loadConfig(NotificationsConfig, { ...base, NODE_ENV: 'test', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' }).allowPrivateTargets()).toBe(true);
  });

  it('refuse WEBHOOK_ALLOW_PRIVATE_TARGETS in production, naming it', () => {
    expect(problemsOf(NotificationsConfig, { ...base, NODE_ENV: 'production', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' })).toEqual([
      'WEBHOOK_ALLOW_PRIVATE_TARGETS: WEBHOOK_ALLOW_PRIVATE_TARGETS must not be set in production',
    ]);
    expect(problemsOf(NotificationsConfig, { ...base, NODE_ENV: 'production' })).toEqual([]);
    expect(problemsOf(NotificationsConfig, { ...base, NODE_ENV: 'production', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' })).toEqual([]);
  });

  it('cap endpoints per account and mode, 10 unless configured', () => {
    expect(loadConfig(NotificationsConfig, base).WEBHOOK_MAX_ENDPOINTS_PER_ACCOUNT).toBe(10);
    expect(problemsOf(NotificationsConfig, { ...base, WEBHOOK_MAX_ENDPOINTS_PER_ACCOUNT: '0' })[0]).toMatch(/^WEBHOOK_MAX_ENDPOINTS_PER_ACCOUNT: /);
  });
});

describe('SMS settings', () => {
  const previous = process.env['NODE_ENV'];
  afterEach(() => (process.env['NODE_ENV'] = previous));

  it('send test-mode SMS to the sandbox and live ones to the provider', () => {
    const config = loadConfig(SmsConfig, { SMS_API_KEY: 'live-key-123', SMS_API_BASE_URL: 'https://api.africastalking.com', SMS_USERNAME: 'acme' });
    expect(config.endpoint('live')).toEqual({ baseUrl: 'https://api.africastalking.com', username: 'acme', apiKey: 'live-key-123' });
    expect(config.endpoint('test').baseUrl).toBe('http://127.0.0.1:4010/africastalking-sandbox');
    expect(config.endpoint('test').apiKey).not.toBe('live-key-123');
  });

  it('refuse, in production, a sandbox that is the live provider', () => {
    process.env['NODE_ENV'] = 'production';
    expect(problemsOf(SmsConfig, { SMS_API_KEY: 'live-key-123', SMS_API_BASE_URL: 'https://api.africastalking.com', SMS_SANDBOX_API_BASE_URL: 'https://api.africastalking.com/' })).toEqual([
      'SMS_SANDBOX_API_BASE_URL: SMS_SANDBOX_API_BASE_URL must not be the live SMS_API_BASE_URL in production',
    ]);
    expect(problemsOf(SmsConfig, { SMS_API_KEY: 'live-key-123', SMS_API_BASE_URL: 'https://api.africastalking.com', SMS_SANDBOX_API_BASE_URL: 'https://api.sandbox.africastalking.com' })).toEqual([]);
  });
});
