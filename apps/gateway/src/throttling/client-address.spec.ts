import { ConfigError, loadConfig } from '@airtime/platform';
import { GatewayConfig } from '../config/gateway.config.js';
import { clientAddress } from './client-address.js';

describe('the client address a limit counts under', () => {
  it('is the IPv4 address behind an IPv4-mapped IPv6 one, and an IPv6 address by its /64', () => {
    expect(clientAddress({ ip: '::ffff:203.0.113.7' })).toBe('203.0.113.7');
    expect(clientAddress({ ip: '203.0.113.7' })).toBe('203.0.113.7');
    expect(clientAddress({ ip: '2001:db8:1:2:aaaa::1' })).toBe(clientAddress({ ip: '2001:db8:1:2:ffff::9' }));
    expect(clientAddress({ ip: '2001:db8:1:2::1' })).not.toBe(clientAddress({ ip: '2001:db8:1:3::1' }));
    expect(clientAddress(undefined)).toBe('unknown');
  });
});

describe('TRUST_PROXY', () => {
  const load = (TRUST_PROXY?: string) =>
    loadConfig(GatewayConfig, { NODE_ENV: 'development', DATABASE_URL: 'postgres://x@127.0.0.1/x', ...(TRUST_PROXY === undefined ? {} : { TRUST_PROXY }) });

  it('trusts no forwarding header unless set', () => {
    expect(load().trustProxy()).toBe(false);
    expect(load('1').trustProxy()).toBe(1);
    expect(load('loopback, 10.0.0.0/8').trustProxy()).toBe('loopback,10.0.0.0/8');
  });

  it('refuses "true" (any client could then name its own address), naming the setting', () => {
    for (const value of ['true', 'everyone', '10.0.0.0/8; rm']) {
      let problems: string[] = [];
      try {
        load(value);
      } catch (error) {
        problems = (error as ConfigError).problems;
      }
      expect(problems).toEqual([expect.stringMatching(/^TRUST_PROXY: TRUST_PROXY must be/)]);
    }
  });
});
