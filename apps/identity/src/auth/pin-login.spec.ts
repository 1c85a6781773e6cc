import { jest } from '@jest/globals';
import { randomInt } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { generate, generateSecret } from 'otplib';
import { type AuthenticatedSessionView, Rpc, type UserTokenClaims } from '@airtime/contracts';
import type { PlatformError } from '@airtime/platform';
import { type RunningIdentity, startIdentityService } from '../testing/start-identity-service.js';
import { hashPin } from './pin.js';

const OPERATOR = '263771119999';
const SECRET = generateSecret();
let identity: RunningIdentity;
jest.setTimeout(30_000);

beforeAll(async () => {
  identity = await startIdentityService({ OPERATOR_PHONES: OPERATOR, OPERATOR_TOTP_SECRETS: `${OPERATOR}=${SECRET}`, PIN_MAX_ATTEMPTS: '5' });
});
afterAll(() => identity.stop());

const settle = <T>(p: Promise<T>) => p.then((value) => ({ ok: true as const, value, code: 'OK' }), (error: PlatformError) => ({ ok: false as const, code: error.code }));
const login = (phone: string, pin: string, otp?: string) =>
  identity.rpc.request(Rpc.identity.authenticateWithPin, { phone, pin, ...(otp ? { otp } : {}) });
const claimsOf = (session: AuthenticatedSessionView) => jwt.decode(session.token) as UserTokenClaims;

/** A user whose PIN the test knows, written as onboarding would (onboarding's SMS needs notifications). */
async function userWith(pin: string, phone = `26377${String(randomInt(1_000_000, 9_999_999))}`) {
  const [account] = (await identity.db.query(
    `INSERT INTO accounts (number, name, type, level, contact_name, contact_email, contact_phone, address, city)
     VALUES ($1, 'Pin Tests', 'company', 'agent', 'T', 't@example.com', $2, '1 Road', 'Harare') RETURNING id`,
    [String(randomInt(100_000_000, 999_999_999)), phone],
  )) as { id: string }[];
  await identity.db.query(
    `INSERT INTO users (account_id, first_name, last_name, email, phone, pin_hash, pin_changed_at) VALUES ($1, 'T', 'U', 't@example.com', $2, $3, now())`,
    [account?.id, phone, await hashPin(pin)],
  );
  return phone;
}

describe('PIN login (real PostgreSQL and NATS)', () => {
  it('counts each guess before verifying it: a right PIN sent during a burst of wrong ones is refused', async () => {
    const phone = await userWith('5092');
    const wrong = Array.from({ length: 11 }, (_, i) => settle(login(phone, String(1000 + i))));
    // The right PIN goes as soon as any guess is answered: before the fix, most of the burst was still
    // being verified (argon2id) then, uncounted, and the right PIN logged in.
    await Promise.race(wrong);
    const right = await settle(login(phone, '5092'));
    const outcomes = await Promise.all(wrong);

    expect(right.code).toBe('PIN_LOCKED');
    expect(outcomes.filter((o) => o.code === 'INVALID_CREDENTIALS')).toHaveLength(4);
    expect(outcomes.filter((o) => o.code === 'PIN_LOCKED')).toHaveLength(7);
    expect((await settle(login(phone, '5092'))).code).toBe('PIN_LOCKED');
  });

  it('clears the count on success and locks on the fifth failure', async () => {
    const phone = await userWith('5092');
    for (let i = 0; i < 4; i++) expect((await settle(login(phone, '1111'))).code).toBe('INVALID_CREDENTIALS');
    expect((await settle(login(phone, '5092'))).ok).toBe(true);
    for (let i = 0; i < 4; i++) expect((await settle(login(phone, '1111'))).code).toBe('INVALID_CREDENTIALS');
    expect((await settle(login(phone, '1111'))).code).toBe('PIN_LOCKED');
  });
});

describe('operators need a second factor', () => {
  let pinOfOperator = '';
  beforeAll(async () => {
    pinOfOperator = '7351';
    await userWith(pinOfOperator, OPERATOR);
  });

  it('gives an operator phone an ordinary token on its PIN alone', async () => {
    expect(claimsOf(await login(OPERATOR, pinOfOperator)).op).toBeUndefined();
  });

  it('gives operator rights for the PIN and a current code, once per code', async () => {
    const code = await generate({ secret: SECRET });
    const session = await login(OPERATOR, pinOfOperator, code);
    expect(claimsOf(session).op).toBe(true);
    expect((await settle(login(OPERATOR, pinOfOperator, code))).code).toBe('INVALID_CREDENTIALS');
    await identity.db.query('DELETE FROM operator_totp');
    await identity.db.query('DELETE FROM pin_attempts');
  });

  it('refuses a wrong code and counts it, and a code on a phone that is not an operator', async () => {
    const other = await userWith('4826');
    expect((await settle(login(other, '4826', '123456'))).code).toBe('INVALID_CREDENTIALS');
    const code = await generate({ secret: SECRET });
    const wrong = code === '000000' ? '000001' : '000000';
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push((await settle(login(OPERATOR, pinOfOperator, wrong))).code);
    expect(outcomes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'PIN_LOCKED']);
    expect((await settle(login(OPERATOR, pinOfOperator, await generate({ secret: SECRET })))).code).toBe('PIN_LOCKED');
    await identity.db.query('DELETE FROM operator_totp');
    await identity.db.query('DELETE FROM pin_attempts');
  });
});

describe('sessions', () => {
  const verify = (session: AuthenticatedSessionView) => {
    const claims = claimsOf(session);
    return identity.rpc.request(Rpc.identity.verifySession, { user_id: claims.sub, account_id: claims.acc, pin_version: claims.pv as number, operator: claims.op === true });
  };

  it('end when the PIN is reset', async () => {
    const phone = await userWith('5092');
    const session = await login(phone, '5092');
    expect(await verify(session)).toEqual({ operator: false });
    await identity.rpc.request(Rpc.identity.resetPin, { phone });
    expect((await settle(verify(session))).code).toBe('UNAUTHENTICATED');
  });

  it('lose operator rights as soon as the phone leaves OPERATOR_PHONES', async () => {
    const session = await login(OPERATOR, '7351', await generate({ secret: SECRET }));
    expect(await verify(session)).toEqual({ operator: true });
    const before = identity.config.OPERATOR_PHONES;
    // As after a redeploy with the phone removed: the same token is now an ordinary user's.
    identity.config.OPERATOR_PHONES = '';
    try {
      expect(await verify(session)).toEqual({ operator: false });
    } finally {
      identity.config.OPERATOR_PHONES = before;
    }
  });
});
