import { ConfigError, loadConfig } from '@airtime/platform';
import { OmegaConfig } from './omega.config.js';

describe('Omega settings', () => {
  it('default to the simulator and its account outside production', () => {
    for (const NODE_ENV of ['development', 'test']) {
      const config = loadConfig(OmegaConfig, { NODE_ENV });
      expect(config.endpoint('live')).toEqual({ mode: 'live', baseUrl: 'http://127.0.0.1:4010/omega', phone: '+263770000000', pin: '4321' });
      expect(config.endpoint('test')).toEqual({ mode: 'test', baseUrl: 'http://127.0.0.1:4010/omega', phone: '+263770000000', pin: '4321' });
      expect(config.OMEGA_TIMEOUT_MS).toBe(10_000);
    }
  });

  it('require the account in production, and name what is missing', () => {
    expect(() => loadConfig(OmegaConfig, { NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig(OmegaConfig, { NODE_ENV: 'production' })).toThrow(/OMEGA_PHONE[\s\S]*OMEGA_PIN/);
    expect(() => loadConfig(OmegaConfig, { NODE_ENV: 'production', OMEGA_PHONE: '+263771234567', OMEGA_PIN: '1234' })).toThrow(/OMEGA_BASE_URL[\s\S]*OMEGA_SANDBOX_BASE_URL/);
    const urls = { OMEGA_BASE_URL: 'http://api.omega.sendai.co.zw', OMEGA_SANDBOX_BASE_URL: 'http://sim:4010/omega' };
    expect(() => loadConfig(OmegaConfig, { NODE_ENV: 'production', OMEGA_PHONE: '+263771234567', OMEGA_PIN: '1234', ...urls })).not.toThrow();
  });

  it('send the phone in international format whatever way it is written, and keep sandbox and live apart', () => {
    const config = loadConfig(OmegaConfig, {
      NODE_ENV: 'production',
      OMEGA_BASE_URL: 'http://api.omega.sendai.co.zw/',
      OMEGA_SANDBOX_BASE_URL: 'http://sim:4010/omega',
      OMEGA_PHONE: '0771234567',
      OMEGA_PIN: '1234',
      OMEGA_SANDBOX_PHONE: '263779876543',
      OMEGA_SANDBOX_PIN: '5678',
    });
    expect(config.endpoint('live')).toEqual({ mode: 'live', baseUrl: 'http://api.omega.sendai.co.zw', phone: '+263771234567', pin: '1234' });
    expect(config.endpoint('test')).toEqual({ mode: 'test', baseUrl: 'http://sim:4010/omega', phone: '+263779876543', pin: '5678' });
  });

  it('refuse malformed values', () => {
    expect(() => loadConfig(OmegaConfig, { OMEGA_PIN: '12' })).toThrow(/OMEGA_PIN/);
    expect(() => loadConfig(OmegaConfig, { OMEGA_PHONE: 'phone' })).toThrow(/OMEGA_PHONE/);
    expect(() => loadConfig(OmegaConfig, { OMEGA_BASE_URL: 'ftp://x' })).toThrow(/OMEGA_BASE_URL/);
    expect(() => loadConfig(OmegaConfig, { OMEGA_TIMEOUT_MS: '5' })).toThrow(/OMEGA_TIMEOUT_MS/);
  });
});
