import { closeAddressAgents, httpFrom } from '../support/from-address.js';
import { ownPlatform } from '../support/own-platform.js';
import type { RunningPlatform } from '../support/platform-processes.js';
import { onboardingBody, settledSms, uniquePhone, waitForSms } from '../support/tenants.js';

const PER_ADDRESS = 5;
const PER_PHONE = 2;
// Above what hashing a PIN and queuing its SMS take on a loaded test machine, so the floor is what shows.
const FLOOR_MS = 2000;
let platform: RunningPlatform;

beforeAll(async () => {
  platform = await ownPlatform({
    label: 'pinsms',
    env: {
      RATE_LIMIT_PIN_SMS_PER_ADDRESS_PER_HOUR: String(PER_ADDRESS),
      RATE_LIMIT_PIN_SMS_PER_PHONE_PER_HOUR: String(PER_PHONE),
      PIN_SMS_MIN_RESPONSE_MS: String(FLOOR_MS),
    },
  });
}, 120_000);
afterAll(async () => {
  await closeAddressAgents();
  await platform?.stopAll();
});

const reset = (address: string, phone: string) => httpFrom(address, 'POST', '/auth/pin-reset', { body: { phone } });

describe('endpoints that send a PIN by SMS (onboarding, PIN reset)', () => {
  it('send a phone at most a few PIN SMS an hour, from any number of addresses (no SMS bombing)', async () => {
    const body = onboardingBody();
    const phone = body['user_phone'] as string;
    expect((await httpFrom('127.0.0.2', 'POST', '/api/v1/onboarding/accounts', { body })).status).toBe(200);
    expect((await reset('127.0.0.3', phone)).status).toBe(200);

    const refused = await reset('127.0.0.4', phone);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ status: 'error', code: 'RATE_LIMITED', message: 'Too many PIN requests for this phone', data: expect.anything() });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await waitForSms(phone, PER_PHONE)).toHaveLength(PER_PHONE);
    expect(await settledSms(phone)).toHaveLength(PER_PHONE);
  });

  it('are limited per client address across phones (no enumeration of registered phones), on REST and GraphQL alike', async () => {
    for (let i = 0; i < PER_ADDRESS; i++) {
      const answer = await reset('127.0.0.5', uniquePhone());
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ status: 'error', code: 'USER_NOT_FOUND', message: 'User not found' });
    }
    expect((await reset('127.0.0.5', uniquePhone())).body).toMatchObject({ code: 'RATE_LIMITED', message: 'Too many PIN requests from this address' });
    expect((await httpFrom('127.0.0.5', 'POST', '/api/v1/onboarding/accounts', { body: onboardingBody() })).status).toBe(429);
    const viaGraphql = await httpFrom('127.0.0.5', 'POST', '/graphql', {
      body: { query: 'mutation($i: ResetPinInput!) { resetPin(input: $i) { sent } }', variables: { i: { phone: uniquePhone() } } },
    });
    expect(viaGraphql.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('answer at one pace whether or not the phone is registered', async () => {
    const body = onboardingBody();
    const phone = body['user_phone'] as string;
    const started = Date.now();
    expect((await httpFrom('127.0.0.6', 'POST', '/api/v1/onboarding/accounts', { body })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(FLOOR_MS - 5);

    const timed = async (p: string) => {
      const t = Date.now();
      const answer = await reset('127.0.0.6', p);
      return { status: answer.status, ms: Date.now() - t };
    };
    const registered = await timed(phone);
    const unknown = await timed(uniquePhone());
    expect(registered.status).toBe(200);
    expect(unknown.status).toBe(422);
    // Both padded to the floor; neither answer tells by its speed which phone exists.
    expect(registered.ms).toBeGreaterThanOrEqual(FLOOR_MS - 5);
    expect(unknown.ms).toBeGreaterThanOrEqual(FLOOR_MS - 5);
    expect(Math.abs(registered.ms - unknown.ms)).toBeLessThan(FLOOR_MS / 2);
  });
});
