import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { OmegaSimulatorModule } from './omega-simulator.module.js';

const SLOW_MS = 500;
const PENDING_MS = 150;

/** Starts the simulator with these SIM_* settings (read from the environment when it starts). */
async function startSimulator(env: Record<string, string> = {}): Promise<{ app: INestApplication; url: string }> {
  const saved = { ...process.env };
  Object.assign(process.env, { SIM_SLOW_ANSWER_MS: String(SLOW_MS), SIM_CALLBACK_DELAY_MS: String(PENDING_MS), ...env });
  try {
    const app = await NestFactory.create(OmegaSimulatorModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/omega` };
  } finally {
    process.env = saved;
  }
}

async function call(url: string, method: 'GET' | 'POST', body?: unknown, token?: string) {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are looked into freely in assertions
  return { status: response.status, headers: response.headers, json: json as Record<string, any>, text };
}

describe('the Omega simulator over HTTP (000)', () => {
  let app: INestApplication;
  let omega: string;
  let token: string;
  let references = 0;
  const reference = () => `spec-ref-${process.pid}-${++references}`;
  const recharge = (body: Record<string, unknown>, bearer: string | null = token) => call(`${omega}/api/v1/recharges/airtime`, 'POST', body, bearer ?? undefined);
  const airtime = (phone: string, overrides: Record<string, unknown> = {}) => ({ phone, amount: 100, currency: 'USD', reference: reference(), ...overrides });
  const transactionsOf = async (ref: string) => (await call(`${omega}/sim/recharges?reference=${ref}`, 'GET')).json as unknown as Record<string, unknown>[];

  beforeAll(async () => {
    ({ app, url: omega } = await startSimulator());
    const login = await call(`${omega}/auth/pin-authentication`, 'POST', { phone: '+263770000000', pin: '4321' });
    token = login.json['data'].token;
  });

  afterAll(async () => {
    await app.close();
  });

  describe('POST /auth/pin-authentication (000 §2)', () => {
    it('answers the documented 200 with a JWT and its expiry, for the account in SIM_OMEGA_PHONE / SIM_OMEGA_PIN', async () => {
      const before = Date.now();
      const answer = await call(`${omega}/auth/pin-authentication`, 'POST', { phone: '+263770000000', pin: '4321' });
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ status: 'success', message: 'authenticated', data: { token: expect.stringMatching(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/), expires_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) } });
      const expiresAt = Date.parse(answer.json['data'].expires_at);
      expect(expiresAt).toBeGreaterThan(before + 3500_000);
      expect(expiresAt).toBeLessThan(before + 3700_000);
    });

    it('accepts the phone in local or bare international digits too', async () => {
      for (const phone of ['0770000000', '263770000000']) {
        expect((await call(`${omega}/auth/pin-authentication`, 'POST', { phone, pin: '4321' })).status).toBe(200);
      }
    });

    it('answers 401 {"message": "Invalid credentials"} for a wrong PIN or another phone', async () => {
      for (const body of [{ phone: '+263770000000', pin: '1234' }, { phone: '+263771234567', pin: '4321' }]) {
        const answer = await call(`${omega}/auth/pin-authentication`, 'POST', body);
        expect(answer.status).toBe(401);
        expect(answer.json).toEqual({ message: 'Invalid credentials' });
      }
    });

    it('answers 400 in the standard error format when phone or pin is missing or the phone is not one', async () => {
      for (const body of [{ pin: '4321' }, { phone: '+263770000000' }, { phone: 'not-a-phone', pin: '4321' }, {}]) {
        const answer = await call(`${omega}/auth/pin-authentication`, 'POST', body);
        expect(answer.status).toBe(400);
        expect(answer.json).toEqual({ status: 'error', message: expect.any(String), data: null });
      }
    });
  });

  describe('GET /auth/user (000 §4)', () => {
    it('answers the documented user for a valid token', async () => {
      const answer = await call(`${omega}/auth/user`, 'GET', undefined, token);
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({
        status: 'success',
        message: 'user retrieved',
        data: { id: expect.any(String), email: expect.any(String), phone: '+263770000000', account_id: expect.any(String) },
      });
    });

    it('answers 401 without a token or with a bad one', async () => {
      expect((await call(`${omega}/auth/user`, 'GET')).status).toBe(401);
      expect((await call(`${omega}/auth/user`, 'GET', undefined, `${token}x`)).status).toBe(401);
      // The same claims unsigned ("alg": "none"): only HS256 under the simulator's secret is accepted.
      const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${token.split('.')[1]}.`;
      expect((await call(`${omega}/auth/user`, 'GET', undefined, unsigned)).status).toBe(401);
    });
  });

  describe('POST /api/v1/recharges/airtime (000 §5)', () => {
    it('credits a number and answers the documented 200', async () => {
      const body = airtime('+263772279099', { amount: 250 });
      const answer = await recharge(body);
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({
        status: 'success',
        message: 'successful airtime recharge',
        data: { transaction_id: expect.stringMatching(/^txn-\d+$/), reference: body.reference, phone: '+263772279099' },
      });
      expect(await transactionsOf(body.reference)).toEqual([
        expect.objectContaining({ reference: body.reference, phone: '+263772279099', amount: 250, currency: 'USD', state: 'delivered', deliveries: 1, requests: 1 }),
      ]);
    });

    it('honours references: a repeated reference gets the original transaction and is not delivered twice', async () => {
      const body = airtime('+263772279099');
      const first = await recharge(body);
      const again = await recharge(body);
      const otherBody = await recharge({ ...body, phone: '+263771111111', amount: 999 });
      expect(again.json).toEqual(first.json);
      expect(otherBody.json).toEqual(first.json);
      expect(await transactionsOf(body.reference)).toEqual([expect.objectContaining({ deliveries: 1, requests: 3, amount: 100 })]);
    });

    it('answers 401 without a valid bearer token, and delivers nothing', async () => {
      const body = airtime('+263772279099');
      for (const bearer of [null, 'not-a-jwt', `${token}x`]) {
        const answer = await recharge(body, bearer);
        expect(answer.status).toBe(401);
        expect(answer.json).toEqual({ message: 'Unauthenticated' });
      }
      expect(await transactionsOf(body.reference)).toEqual([]);
    });

    it.each([
      ['a missing phone', { phone: undefined }, /phone/],
      ['a local phone (000: "Must be in international format")', { phone: '0772279099' }, /phone/i],
      ['a phone without +', { phone: '263772279099' }, /phone/i],
      ['a missing amount', { amount: undefined }, /amount/],
      ['an amount in dollars, not cents', { amount: 1.5 }, /amount/],
      ['an amount as a string', { amount: '100' }, /amount/],
      ['a zero amount', { amount: 0 }, /amount/],
      ['a missing currency', { currency: undefined }, /currency/],
      ['a currency that is not a code', { currency: 'usd' }, /currency/],
      ['a missing reference', { reference: undefined }, /reference/],
    ])('answers 400 in the standard error format for %s', async (_case, overrides, message) => {
      const answer = await recharge(airtime('+263772279099', overrides));
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({ status: 'error', message: expect.stringMatching(message), data: null });
    });

    it('answers 422 "Wallet not found" for a currency the account holds no wallet in', async () => {
      const answer = await recharge(airtime('+263772279099', { currency: 'EUR' }));
      expect(answer.status).toBe(422);
      expect(answer.json).toEqual({ status: 'error', message: 'Wallet not found', data: null });
    });
  });

  describe('test numbers (docs/simulators.md)', () => {
    it('…0001: 400 "Invalid phone number", nothing delivered', async () => {
      const body = airtime('+263772220001');
      const answer = await recharge(body);
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({ status: 'error', message: 'Invalid phone number', data: null });
      expect(await transactionsOf(body.reference)).toEqual([]);
    });

    it('…0002: 422 "Insufficient funds", exactly as 000 shows', async () => {
      const answer = await recharge(airtime('+263772220002'));
      expect(answer.status).toBe(422);
      expect(answer.json).toEqual({ status: 'error', message: 'Insufficient funds', data: null });
    });

    it('…0003: answers only after SIM_SLOW_ANSWER_MS, delivered; a replay meanwhile waits for the same answer', async () => {
      const body = airtime('+263772220003');
      const started = Date.now();
      const [first, replay] = await Promise.all([recharge(body), new Promise((r) => setTimeout(r, 50)).then(() => recharge(body))]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(SLOW_MS - 20);
      expect(first.status).toBe(200);
      expect(replay.json).toEqual(first.json);
      expect(await transactionsOf(body.reference)).toEqual([expect.objectContaining({ state: 'delivered', deliveries: 1, requests: 2 })]);
    });

    it('…0004: answers only after SIM_SLOW_ANSWER_MS, not delivered: 422, and the same for a replay', async () => {
      const body = airtime('+263772220004');
      const started = Date.now();
      const first = await recharge(body);
      expect(Date.now() - started).toBeGreaterThanOrEqual(SLOW_MS - 20);
      expect(first.status).toBe(422);
      expect(first.json).toEqual({ status: 'error', message: 'Recharge failed', data: null });
      expect((await recharge(body)).json).toEqual(first.json);
      expect(await transactionsOf(body.reference)).toEqual([expect.objectContaining({ state: 'failed', deliveries: 0 })]);
    });

    it('…0005 / …0006: no pending state in 000, so the answer is held for SIM_CALLBACK_DELAY_MS and then final', async () => {
      const started = Date.now();
      const success = await recharge(airtime('+263772220005'));
      const failure = await recharge(airtime('+263772220006'));
      expect(Date.now() - started).toBeGreaterThanOrEqual(2 * PENDING_MS - 20);
      expect(Date.now() - started).toBeLessThan(SLOW_MS * 2);
      expect(success.status).toBe(200);
      expect(failure.status).toBe(422);
      expect(failure.json).toEqual({ status: 'error', message: 'Recharge failed', data: null });
    });

    it('…0007: 500, nothing delivered; a replay finds the transaction failed', async () => {
      const body = airtime('+263772220007');
      const first = await recharge(body);
      expect(first.status).toBe(500);
      expect(first.json).toEqual({ status: 'error', message: 'Internal Server Error', data: null });
      const replay = await recharge(body);
      expect(replay.status).toBe(422);
      expect(await transactionsOf(body.reference)).toEqual([expect.objectContaining({ state: 'failed', deliveries: 0 })]);
    });

    it('…0008: delivered, but first answered 200 without data; a replay gets the documented 200', async () => {
      const body = airtime('+263772220008');
      const first = await recharge(body);
      expect(first.status).toBe(200);
      expect(first.json['data']).toBeUndefined();
      const replay = await recharge(body);
      expect(replay.json).toEqual({ status: 'success', message: 'successful airtime recharge', data: { transaction_id: expect.any(String), reference: body.reference, phone: '+263772220008' } });
      expect(await transactionsOf(body.reference)).toEqual([expect.objectContaining({ state: 'delivered', deliveries: 1 })]);
    });
  });

  describe('sessions', () => {
    it('stops accepting every token once they are revoked (sim control), until the client logs in again', async () => {
      const { app: other, url } = await startSimulator();
      try {
        const login = async () => (await call(`${url}/auth/pin-authentication`, 'POST', { phone: '+263770000000', pin: '4321' })).json['data'].token as string;
        const old = await login();
        expect((await call(`${url}/auth/user`, 'GET', undefined, old)).status).toBe(200);
        expect((await call(`${url}/sim/tokens/revoke`, 'POST')).status).toBe(204);
        expect((await call(`${url}/auth/user`, 'GET', undefined, old)).status).toBe(401);
        expect((await call(`${url}/auth/user`, 'GET', undefined, await login())).status).toBe(200);
        expect((await call(`${url}/sim/stats`, 'GET')).json).toEqual({ authentications: 2, transactions: 0 });
      } finally {
        await other.close();
      }
    });

    it('issues tokens that expire after SIM_OMEGA_TOKEN_TTL_SECONDS', async () => {
      const { app: other, url } = await startSimulator({ SIM_OMEGA_TOKEN_TTL_SECONDS: '2' });
      try {
        const login = await call(`${url}/auth/pin-authentication`, 'POST', { phone: '+263770000000', pin: '4321' });
        expect(Date.parse(login.json['data'].expires_at) - Date.now()).toBeLessThanOrEqual(2000);
        // Accepted once (and so remembered as verified), then refused all the same once it has expired.
        expect((await call(`${url}/auth/user`, 'GET', undefined, login.json['data'].token)).status).toBe(200);
        await new Promise((r) => setTimeout(r, 3100));
        expect((await call(`${url}/auth/user`, 'GET', undefined, login.json['data'].token)).status).toBe(401);
      } finally {
        await other.close();
      }
    });

    it('takes the account from SIM_OMEGA_PHONE and SIM_OMEGA_PIN', async () => {
      const { app: other, url } = await startSimulator({ SIM_OMEGA_PHONE: '0771234567', SIM_OMEGA_PIN: '1234' });
      try {
        expect((await call(`${url}/auth/pin-authentication`, 'POST', { phone: '+263771234567', pin: '1234' })).status).toBe(200);
        expect((await call(`${url}/auth/pin-authentication`, 'POST', { phone: '+263770000000', pin: '4321' })).status).toBe(401);
      } finally {
        await other.close();
      }
    });
  });

  describe('rate limiting (SIM_OMEGA_RATE_LIMIT)', () => {
    it('answers 429 in the standard error format beyond the limit, with rate-limit headers, and delivers nothing', async () => {
      const { app: other, url } = await startSimulator({ SIM_OMEGA_RATE_LIMIT: '2', SIM_OMEGA_RATE_LIMIT_WINDOW_SECONDS: '60' });
      try {
        const bearer = (await call(`${url}/auth/pin-authentication`, 'POST', { phone: '+263770000000', pin: '4321' })).json['data'].token as string;
        const send = (ref: string) => call(`${url}/api/v1/recharges/airtime`, 'POST', { phone: '+263772279099', amount: 100, currency: 'USD', reference: ref }, bearer);
        const first = await send('rl-1');
        expect(first.status).toBe(200);
        expect(first.headers.get('x-ratelimit-limit')).toBe('2');
        expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
        expect((await send('rl-2')).status).toBe(200);
        const refused = await send('rl-3');
        expect(refused.status).toBe(429);
        expect(refused.json).toEqual({ status: 'error', message: 'Too Many Requests', data: null });
        expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
        expect((await call(`${url}/sim/recharges?reference=rl-3`, 'GET')).json).toEqual([]);
      } finally {
        await other.close();
      }
    });
  });
});
