import { apiKeyPrefix, generateApiKey, hashApiKey, isWellFormedApiKey } from './api-key-secret.js';

describe('API key secrets', () => {
  it('look like atk_live_… and atk_test_…', () => {
    expect(generateApiKey('live')).toMatch(/^atk_live_[0-9A-Za-z]{32}$/);
    expect(generateApiKey('test')).toMatch(/^atk_test_[0-9A-Za-z]{32}$/);
  });

  it('are unique and well formed', () => {
    const keys = new Set(Array.from({ length: 500 }, () => generateApiKey('live')));
    expect(keys.size).toBe(500);
    for (const key of keys) expect(isWellFormedApiKey(key)).toBe(true);
  });

  it('refuse malformed keys before any lookup', () => {
    for (const bad of ['', 'atk_live_', 'atk_prod_0123456789abcdef0123456789abcdef', 'atk_live_0123456789abcdef0123456789abcde!', 'Bearer x']) {
      expect(isWellFormedApiKey(bad)).toBe(false);
    }
  });

  it('are stored as a SHA-256 that does not contain the key', () => {
    const key = generateApiKey('test');
    const hash = hashApiKey(key);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(key.slice(9));
    expect(hashApiKey(key)).toBe(hash);
    expect(hashApiKey(generateApiKey('test'))).not.toBe(hash);
  });

  it('show only a short prefix', () => {
    const key = generateApiKey('live');
    expect(apiKeyPrefix(key)).toBe(key.slice(0, 13));
    expect(apiKeyPrefix(key)).toMatch(/^atk_live_[0-9A-Za-z]{4}$/);
  });
});
