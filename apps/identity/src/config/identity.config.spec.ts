import { ConfigError, loadConfig } from '@airtime/platform';
import { IdentityConfig } from './identity.config.js';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/identity';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(IdentityConfig, env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
}

describe('identity configuration', () => {
  it('refuses to start without JWT_SECRET outside development, naming it', () => {
    for (const NODE_ENV of ['production', 'test']) {
      const problems = problemsOf({ NODE_ENV, DATABASE_URL });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^JWT_SECRET: /);
    }
  });

  it('refuses a short JWT_SECRET everywhere', () => {
    expect(problemsOf({ NODE_ENV: 'development', DATABASE_URL, JWT_SECRET: 'short' })).toEqual([
      'JWT_SECRET: JWT_SECRET must be at least 32 characters',
    ]);
  });

  it('lets development start without one, on a development-only secret', () => {
    const config = loadConfig(IdentityConfig, { NODE_ENV: 'development', DATABASE_URL });
    expect(config.jwtSecret()).toMatch(/^development-only/);
    const production = loadConfig(IdentityConfig, { NODE_ENV: 'production', DATABASE_URL, JWT_SECRET: 'x'.repeat(40), PIN_MAX_ATTEMPTS: '3' });
    expect(production.jwtSecret()).toBe('x'.repeat(40));
    expect(production.PIN_MAX_ATTEMPTS).toBe(3);
  });

  it('names a missing DATABASE_URL', () => {
    expect(problemsOf({ NODE_ENV: 'development' }).map((p) => p.split(':')[0])).toEqual(['DATABASE_URL']);
  });

  it("reads operators' TOTP secrets by phone, and refuses short or malformed ones naming OPERATOR_TOTP_SECRETS", () => {
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    const config = loadConfig(IdentityConfig, { NODE_ENV: 'development', DATABASE_URL, OPERATOR_TOTP_SECRETS: ` 0771119999 = ${secret}, +263 77 111 8888=${secret.toLowerCase()}` });
    expect([...config.operatorTotpSecrets()]).toEqual([['263771119999', secret], ['263771118888', secret]]);
    for (const OPERATOR_TOTP_SECRETS of ['0771119999=SHORTSECRET', '0771119999', `0771119999=${secret}1`, `x=${secret}`]) {
      expect(problemsOf({ NODE_ENV: 'development', DATABASE_URL, OPERATOR_TOTP_SECRETS }).map((p) => p.split(':')[0])).toEqual(['OPERATOR_TOTP_SECRETS']);
    }
  });
});
