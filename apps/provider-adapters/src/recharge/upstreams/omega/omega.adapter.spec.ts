import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import type { DispatchOutcome, DispatchRequest } from '@airtime/contracts';
import { loadConfig } from '@airtime/platform';
import { OmegaSimulatorModule } from '@airtime/simulators';
import type { SentDispatches } from '../../sent-dispatches.js';
import type { SentDispatch } from '../../upstream-adapter.js';
import { OmegaSessions } from './omega-sessions.js';
import { OmegaAdapter } from './omega.adapter.js';
import { OmegaConfig } from './omega.config.js';

const TIMEOUT_MS = 300;
const SLOW_MS = 1000;
const PENDING_MS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The simulator in-process, with these SIM_* settings (read from the environment when it starts). */
async function startSimulator(env: Record<string, string> = {}): Promise<{ app: INestApplication; url: string }> {
  const saved = { ...process.env };
  Object.assign(process.env, { SIM_SLOW_ANSWER_MS: String(SLOW_MS), SIM_CALLBACK_DELAY_MS: String(PENDING_MS), ...env });
  try {
    const app = await NestFactory.create(OmegaSimulatorModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/omega`;
    // One call first: on a loaded machine the simulator's very first answer can take longer than TIMEOUT_MS.
    await fetch(`${url}/auth/pin-authentication`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(() => undefined);
    return { app, url };
  } finally {
    process.env = saved;
  }
}

/** provider-adapters' record of what was sent (the dispatches table), as DispatchService keeps it. */
class RecordedDispatches {
  readonly rows = new Map<string, SentDispatch & { status: string }>();

  async find(_upstream: string, by: { reference?: string }): Promise<SentDispatch | null> {
    return (by.reference && this.rows.get(by.reference)) || null;
  }
}

describe('the Omega adapter against the Omega simulator', () => {
  let sim: { app: INestApplication; url: string };
  let adapter: OmegaAdapter;
  const recorded = new RecordedDispatches();
  let references = 0;

  const adapterFor = (url: string, env: Record<string, string> = {}, records: RecordedDispatches = recorded) =>
    new OmegaAdapter(loadConfig(OmegaConfig, { NODE_ENV: 'test', OMEGA_BASE_URL: url, OMEGA_SANDBOX_BASE_URL: url, OMEGA_TIMEOUT_MS: String(TIMEOUT_MS), ...env }), records as unknown as SentDispatches);

  const request = (target: string, overrides: Partial<DispatchRequest> = {}): DispatchRequest => ({
    reference: `${process.pid}x${Date.now().toString(36)}x${++references}`,
    upstream: 'omega',
    mode: 'test',
    kind: 'airtime',
    country: 'ZW',
    network: 'econet',
    target,
    currency: 'USD',
    amount_minor: '250',
    ...overrides,
  });

  /** What DispatchService does around adapter.send: record before sending, then the outcome. */
  const dispatch = async (req: DispatchRequest, using: OmegaAdapter = adapter, records: RecordedDispatches = recorded): Promise<DispatchOutcome> => {
    records.rows.set(req.reference, { reference: req.reference, upstream: 'omega', provider_ref: null, target: req.target, currency: req.currency, amount_minor: req.amount_minor, status: 'sending' });
    const result = await using.send(req);
    const row = records.rows.get(req.reference);
    if (row) Object.assign(row, { status: result.status, provider_ref: result.provider_ref ?? row.provider_ref });
    return result;
  };
  const query = (req: DispatchRequest, using: OmegaAdapter = adapter) => using.query({ reference: req.reference, upstream: 'omega', mode: req.mode });
  const atOmega = async (reference: string, url = sim.url) => (await (await fetch(`${url}/sim/recharges?reference=${reference}`)).json()) as Record<string, unknown>[];
  const statsOf = async (url = sim.url) => (await (await fetch(`${url}/sim/stats`)).json()) as { authentications: number };

  beforeAll(async () => {
    sim = await startSimulator();
    adapter = adapterFor(sim.url);
  });

  afterAll(async () => {
    await sim.app.close();
  });

  it('says how an unknown is resolved: by replaying the request with its reference', () => {
    expect(adapter.id).toBe('omega');
    expect(adapter.resolvesUnknownBy).toMatch(/same reference/);
  });

  describe('test numbers (docs/simulators.md)', () => {
    it('anything else: success, with Omega\'s transaction_id; sent in +263 format, in cents, with our reference', async () => {
      const req = request('263772279099');
      const result = await dispatch(req);
      expect(result).toEqual(expect.objectContaining({ reference: req.reference, status: 'success', provider_ref: expect.stringMatching(/^txn-\d+$/) }));
      expect(await atOmega(req.reference)).toEqual([
        expect.objectContaining({ reference: req.reference, phone: '+263772279099', amount: 250, currency: 'USD', transaction_id: result.provider_ref, deliveries: 1 }),
      ]);
    });

    it('…0001: failed INVALID_TARGET with Omega\'s words', async () => {
      expect(await dispatch(request('263772220001'))).toMatchObject({ status: 'failed', error_code: 'INVALID_TARGET', upstream_code: '400', message: 'Invalid phone number' });
    });

    it('…0002: failed INSUFFICIENT_UPSTREAM_BALANCE ("Insufficient funds")', async () => {
      expect(await dispatch(request('263772220002'))).toMatchObject({ status: 'failed', error_code: 'INSUFFICIENT_UPSTREAM_BALANCE', upstream_code: '422', message: 'Insufficient funds' });
    });

    it('…0003: unknown on the timeout; the replay finds it delivered, with the same transaction, delivered once', async () => {
      const req = request('263772220003');
      expect(await dispatch(req)).toMatchObject({ status: 'unknown', upstream_code: null });
      await sleep(SLOW_MS);
      const resolved = await query(req);
      expect(resolved).toMatchObject({ status: 'success', provider_ref: expect.stringMatching(/^txn-/) });
      expect(await atOmega(req.reference)).toEqual([expect.objectContaining({ transaction_id: resolved.provider_ref, deliveries: 1, requests: 2 })]);
    });

    it('…0004: unknown on the timeout; unknown while Omega still works on it; then the replay finds it failed', async () => {
      const req = request('263772220004');
      expect(await dispatch(req)).toMatchObject({ status: 'unknown' });
      expect(await query(req)).toMatchObject({ status: 'unknown' });
      await sleep(SLOW_MS);
      expect(await query(req)).toMatchObject({ status: 'failed', error_code: 'UPSTREAM_REJECTED', upstream_code: '422', message: 'Recharge failed' });
      expect(await atOmega(req.reference)).toEqual([expect.objectContaining({ deliveries: 0 })]);
    });

    it('…0005 / …0006: Omega has no pending state; the held answer is final within the timeout', async () => {
      expect(await dispatch(request('263772220005'))).toMatchObject({ status: 'success' });
      expect(await dispatch(request('263772220006'))).toMatchObject({ status: 'failed', error_code: 'UPSTREAM_REJECTED', message: 'Recharge failed' });
    });

    it('…0007: unknown on the 500; the replay finds it failed, nothing delivered', async () => {
      const req = request('263772220007');
      expect(await dispatch(req)).toMatchObject({ status: 'unknown', upstream_code: '500' });
      expect(await query(req)).toMatchObject({ status: 'failed', upstream_code: '422' });
      expect(await atOmega(req.reference)).toEqual([expect.objectContaining({ deliveries: 0 })]);
    });

    it('…0008: unknown on the garbled 200; the replay finds it delivered, once', async () => {
      const req = request('263772220008');
      expect(await dispatch(req)).toMatchObject({ status: 'unknown', upstream_code: '200' });
      expect(await query(req)).toMatchObject({ status: 'success', provider_ref: expect.stringMatching(/^txn-/) });
      expect(await atOmega(req.reference)).toEqual([expect.objectContaining({ deliveries: 1, requests: 2 })]);
    });
  });

  describe('query', () => {
    it('replays a delivered recharge: the original transaction again, never a second delivery', async () => {
      const req = request('263772279099');
      const sent = await dispatch(req);
      expect(await query(req)).toMatchObject({ status: 'success', provider_ref: sent.provider_ref });
      expect(await query(req)).toMatchObject({ status: 'success', provider_ref: sent.provider_ref });
      expect(await atOmega(req.reference)).toEqual([expect.objectContaining({ deliveries: 1, requests: 3 })]);
    });

    it('is unknown for a reference it has no record of sending (nothing to replay), and sends nothing', async () => {
      const req = request('263772279099');
      expect(await query(req)).toMatchObject({ status: 'unknown' });
      expect(await atOmega(req.reference)).toEqual([]);
    });
  });

  describe('what Omega does not do', () => {
    it('a data bundle: failed NOT_SUPPORTED without calling Omega, and a later query does not send it as airtime', async () => {
      const req = request('263772279099', { kind: 'data', upstream_product: 'ECONET-1GB' });
      expect(await dispatch(req)).toMatchObject({ status: 'failed', error_code: 'NOT_SUPPORTED', upstream_code: null });
      expect(await query(req)).toMatchObject({ status: 'failed' });
      expect(await atOmega(req.reference)).toEqual([]);
    });

    it('a currency our Omega account has no wallet in: failed, with Omega\'s "Wallet not found"', async () => {
      expect(await dispatch(request('263772279099', { currency: 'EUR' }))).toMatchObject({ status: 'failed', error_code: 'UPSTREAM_REJECTED', upstream_code: '422', message: 'Wallet not found' });
    });
  });

  describe('authentication', () => {
    it('logs in once and reuses the token until shortly before it expires', async () => {
      const own = await startSimulator();
      try {
        const using = adapterFor(own.url);
        await dispatch(request('263772279099'), using);
        await dispatch(request('263772279099'), using);
        expect((await statsOf(own.url)).authentications).toBe(1);

        let now = Date.now();
        const sessions = new OmegaSessions(TIMEOUT_MS, 60_000, () => now);
        const endpoint = loadConfig(OmegaConfig, { NODE_ENV: 'test', OMEGA_SANDBOX_BASE_URL: own.url }).endpoint('test');
        const first = await sessions.token(endpoint);
        expect(await sessions.token(endpoint)).toEqual(first);
        expect((await statsOf(own.url)).authentications).toBe(2);
        now += 3600_000 - 59_000; // within a minute of expires_at: renewed
        const second = await sessions.token(endpoint);
        expect((await statsOf(own.url)).authentications).toBe(3);
        expect(second.ok && second.token.expiresAt).toBeGreaterThan(0);
      } finally {
        await own.app.close();
      }
    });

    it('shares one login between concurrent recharges', async () => {
      const own = await startSimulator();
      try {
        const using = adapterFor(own.url);
        const results = await Promise.all([1, 2, 3, 4].map(() => dispatch(request('263772279099'), using)));
        expect(results.map((r) => r.status)).toEqual(['success', 'success', 'success', 'success']);
        expect((await statsOf(own.url)).authentications).toBe(1);
      } finally {
        await own.app.close();
      }
    });

    it('logs in again once when a recharge is answered 401, and the recharge goes through', async () => {
      const own = await startSimulator();
      try {
        const using = adapterFor(own.url);
        await dispatch(request('263772279099'), using);
        await fetch(`${own.url}/sim/tokens/revoke`, { method: 'POST' });
        expect(await dispatch(request('263772279099'), using)).toMatchObject({ status: 'success' });
        expect((await statsOf(own.url)).authentications).toBe(2);
      } finally {
        await own.app.close();
      }
    });

    it('a wrong PIN: failed on a send (nothing sent), unknown on a query', async () => {
      const records = new RecordedDispatches();
      const wrong = adapterFor(sim.url, { OMEGA_SANDBOX_PIN: '9999' }, records);
      const req = request('263772279099');
      expect(await dispatch(req, wrong, records)).toMatchObject({ status: 'failed', error_code: 'UPSTREAM_UNAVAILABLE', upstream_code: '401', message: expect.stringContaining('Invalid credentials') });
      expect(await atOmega(req.reference)).toEqual([]);
      records.rows.set(req.reference, { ...(records.rows.get(req.reference) as SentDispatch & { status: string }), status: 'unknown' });
      expect(await query(req, wrong)).toMatchObject({ status: 'unknown', upstream_code: '401' });
      expect(await atOmega(req.reference)).toEqual([]);
    });

    it('live keys use the live account and URL, test keys the sandbox ones', async () => {
      const records = new RecordedDispatches();
      const split = new OmegaAdapter(
        loadConfig(OmegaConfig, { NODE_ENV: 'test', OMEGA_BASE_URL: sim.url, OMEGA_SANDBOX_BASE_URL: 'http://127.0.0.1:9/omega', OMEGA_PHONE: '+263770000000', OMEGA_PIN: '4321', OMEGA_TIMEOUT_MS: String(TIMEOUT_MS) }),
        records as unknown as SentDispatches,
      );
      expect(await dispatch(request('263772279099', { mode: 'live' }), split, records)).toMatchObject({ status: 'success' });
      // The sandbox URL is closed: PIN authentication fails, so no recharge was sent.
      expect(await dispatch(request('263772279099', { mode: 'test' }), split, records)).toMatchObject({ status: 'failed', error_code: 'UPSTREAM_UNAVAILABLE', upstream_code: null });
    });
  });

  describe('rate limiting', () => {
    it('a 429 on a send is failed RATE_LIMITED (refused before processing); on a replay it is unknown', async () => {
      const own = await startSimulator({ SIM_OMEGA_RATE_LIMIT: '1', SIM_OMEGA_RATE_LIMIT_WINDOW_SECONDS: '60' });
      try {
        const using = adapterFor(own.url);
        const delivered = request('263772279099');
        expect(await dispatch(delivered, using)).toMatchObject({ status: 'success' });
        const refused = request('263772279099');
        expect(await dispatch(refused, using)).toMatchObject({ status: 'failed', error_code: 'RATE_LIMITED', upstream_code: '429' });
        expect(await atOmega(refused.reference, own.url)).toEqual([]);
        expect(await query(delivered, using)).toMatchObject({ status: 'unknown', upstream_code: '429' });
      } finally {
        await own.app.close();
      }
    });
  });

  it('an Omega that cannot be reached after login: unknown, never failed', async () => {
    const own = await startSimulator();
    const using = adapterFor(own.url);
    await dispatch(request('263772279099'), using); // logged in, token cached
    await own.app.close();
    expect(await dispatch(request('263772279099'), using)).toMatchObject({ status: 'unknown' });
  });
});
