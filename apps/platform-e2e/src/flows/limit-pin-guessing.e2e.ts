import { closeAddressAgents, httpFrom } from '../support/from-address.js';
import { ownPlatform } from '../support/own-platform.js';
import type { RunningPlatform } from '../support/platform-processes.js';
import { uniquePhone } from '../support/tenants.js';

const PER_ADDRESS = 4;
const PER_SECOND = 5;
let platform: RunningPlatform;

beforeAll(async () => {
  platform = await ownPlatform({
    label: 'pinguess',
    env: { RATE_LIMIT_PIN_LOGINS_PER_ADDRESS_PER_HOUR: String(PER_ADDRESS), RATE_LIMIT_PIN_CHECKS_PER_SECOND: String(PER_SECOND) },
  });
}, 120_000);
afterAll(async () => {
  await closeAddressAgents();
  await platform?.stopAll();
});

const guess = (address: string, phone = uniquePhone(), headers: Record<string, string> = {}) =>
  httpFrom(address, 'POST', '/auth/pin-authentication', { body: { phone, pin: '4821' }, headers });

describe('PIN guessing across many phones', () => {
  it('is limited per client address, whichever phones it targets, on REST and GraphQL alike; a forged X-Forwarded-For does not help', async () => {
    for (let i = 0; i < PER_ADDRESS; i++) expect((await guess('127.0.0.2')).status).toBe(401);

    const refused = await guess('127.0.0.2');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ status: 'error', code: 'RATE_LIMITED', message: 'Too many login attempts from this address' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    // TRUST_PROXY is unset: the header anyone can write is not the client's address.
    expect((await guess('127.0.0.2', uniquePhone(), { 'x-forwarded-for': '203.0.113.7' })).status).toBe(429);
    const viaGraphql = await httpFrom('127.0.0.2', 'POST', '/graphql', {
      body: { query: 'mutation($i: AuthenticateWithPinInput!) { authenticateWithPin(input: $i) { token } }', variables: { i: { phone: uniquePhone(), pin: '4821' } } },
    });
    expect(viaGraphql.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');

    expect((await guess('127.0.0.3')).status).toBe(401);
  });

  it('has a ceiling of PIN checks per second for the whole platform (argon2 is costly)', async () => {
    await new Promise((r) => setTimeout(r, 1100));
    const burst = await Promise.all(Array.from({ length: 14 }, (_, i) => guess(`127.0.1.${i + 1}`)));
    const refused = burst.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(14 - 2 * PER_SECOND);
    for (const r of refused) expect(r.body).toMatchObject({ code: 'RATE_LIMITED', message: 'Too many login attempts, try again shortly' });
    expect(burst.filter((r) => r.status === 401).length).toBeGreaterThan(0);
  });
});
