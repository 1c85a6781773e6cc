import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiKeyMode, DispatchOutcome, DispatchRequest } from '@airtime/contracts';
import { loadConfig } from '@airtime/platform';
import { EstoresmsSimulatorModule } from '@airtime/simulators';
import type { CallbackContext, CallbackTranslation, SentDispatch } from '../../upstream-adapter.js';
import { EstoresmsAdapter } from './estoresms.adapter.js';
import { EstoresmsConfig } from './estoresms.config.js';

const ACCOUNT = { username: 'adapter-spec', email: 'adapter-spec@example.com', token: 'adapter-spec-token' };
const TIMEOUT_MS = 250;
const SLOW_MS = 600;
const CALLBACK_DELAY_MS = 50;

/** A small HTTP server: `handle` decides each answer; every request is kept. */
class TinyServer {
  readonly requests: { method: string; path: string; contentType: string | undefined; body: string }[] = [];
  private server: Server;

  constructor(private readonly handle: (body: string, res: ServerResponse) => void | Promise<void>) {}

  async start(): Promise<string> {
    this.server = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        this.requests.push({ method: request.method ?? '', path: request.url ?? '', contentType: request.headers['content-type'], body });
        void this.handle(body, response);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('the eStoreSMS adapter against its simulator', () => {
  let sim: INestApplication;
  let simUrl: string;
  let adapter: EstoresmsAdapter;
  /** What the platform recorded before sending (SentDispatches), for callbacks to be checked against. */
  const sent = new Map<string, SentDispatch & { mode: ApiKeyMode }>();
  const context: CallbackContext = {
    headers: {},
    findSent: async (by) =>
      (by.reference ? sent.get(by.reference) : [...sent.values()].find((s) => by.providerRef && s.provider_ref === by.providerRef)) ?? null,
  };
  /** What the adapter made of each callback the simulator delivered. */
  const translations: { fields: Record<string, string>; translation: CallbackTranslation }[] = [];
  const receiver = new TinyServer(async (body, res) => {
    const fields = Object.fromEntries(new URLSearchParams(body));
    const translation = await adapter.callback('status', fields, context);
    translations.push({ fields, translation });
    res.writeHead(translation.reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(translation.reply.body));
  });

  const configOf = (env: Record<string, string>) =>
    loadConfig(EstoresmsConfig, {
      NODE_ENV: 'test',
      ESTORESMS_BASE_URL: `${simUrl}/estoresms`,
      ESTORESMS_SANDBOX_BASE_URL: `${simUrl}/estoresms`,
      ESTORESMS_USERNAME: ACCOUNT.username,
      ESTORESMS_EMAIL: ACCOUNT.email,
      ESTORESMS_TOKEN: ACCOUNT.token,
      ESTORESMS_SANDBOX_USERNAME: ACCOUNT.username,
      ESTORESMS_SANDBOX_EMAIL: ACCOUNT.email,
      ESTORESMS_SANDBOX_TOKEN: ACCOUNT.token,
      ESTORESMS_TIMEOUT_MS: String(TIMEOUT_MS),
      ...env,
    });

  beforeAll(async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      SIM_ESTORESMS_USERNAME: ACCOUNT.username,
      SIM_ESTORESMS_EMAIL: ACCOUNT.email,
      SIM_ESTORESMS_TOKEN: ACCOUNT.token,
      SIM_SLOW_ANSWER_MS: String(SLOW_MS),
      SIM_CALLBACK_DELAY_MS: String(CALLBACK_DELAY_MS),
    });
    try {
      sim = await NestFactory.create(EstoresmsSimulatorModule, { logger: false });
      await sim.listen(0, '127.0.0.1');
    } finally {
      process.env = saved;
    }
    simUrl = `http://127.0.0.1:${(sim.getHttpServer().address() as AddressInfo).port}`;
    const receiverUrl = await receiver.start();
    adapter = new EstoresmsAdapter(configOf({ ESTORESMS_CALLBACK_URL: `${receiverUrl}/callbacks/estoresms` }));
    // One call first: on a loaded machine the simulator's very first answer can take longer than the adapter's short timeout.
    await fetch(`${simUrl}/estoresms/api_query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(() => undefined);
  });

  afterAll(async () => {
    await receiver.stop();
    await sim.close();
  });

  const dispatch = (overrides: Partial<DispatchRequest> = {}): DispatchRequest => ({
    reference: randomBytes(16).toString('hex'),
    upstream: 'estoresms',
    mode: 'live',
    kind: 'voucher',
    country: 'NG',
    network: 'mtn',
    target: '2348031234567',
    currency: 'NGN',
    amount_minor: '10000',
    ...overrides,
  });

  /** As DispatchService does: recorded before the call, the provider's id kept after it. */
  async function send(request: DispatchRequest, through: EstoresmsAdapter = adapter): Promise<DispatchOutcome> {
    sent.set(request.reference, { ...request, provider_ref: null });
    const result = await through.send(request);
    const record = sent.get(request.reference);
    if (record && result.provider_ref) record.provider_ref = result.provider_ref;
    return result;
  }

  const query = (request: DispatchRequest) =>
    adapter.query({ reference: request.reference, upstream: 'estoresms', mode: request.mode, provider_ref: sent.get(request.reference)?.provider_ref ?? undefined });

  async function translationFor(reference: string, timeoutMs = 3000): Promise<CallbackTranslation> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = translations.find((t) => t.fields['reference'] === reference);
      if (found) return found.translation;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no callback for ${reference}`);
  }

  const slowAnswerDone = () => new Promise((resolve) => setTimeout(resolve, SLOW_MS - TIMEOUT_MS + 100));

  it('says how it resolves an unknown', () => {
    expect(adapter.id).toBe('estoresms');
    expect(adapter.resolvesUnknownBy).toMatch(/api_query by ref/);
  });

  it('buys a PIN: success with the PIN, its serial, the dial string and the transaction_id', async () => {
    const request = dispatch();
    const result = await send(request);
    expect(result).toEqual({
      reference: request.reference,
      status: 'success',
      provider_ref: expect.stringMatching(/^api_[0-9a-f]{13}$/),
      pin: expect.stringMatching(/^\d{13}$/),
      serial: expect.stringMatching(/^\d+$/),
      ussd: `*555*${result.pin as string}#`,
      upstream_code: 'OK',
    });
    expect(await query(request)).toMatchObject({ reference: request.reference, status: 'success', provider_ref: result.provider_ref, upstream_code: 'Approved' });
  });

  it('answers a reference sent again with the same PIN (eStoreSMS honours refs)', async () => {
    const request = dispatch({ network: 'GLO', target: '2348051234567' });
    const first = await send(request);
    expect(first.ussd).toBe(`*123*${first.pin as string}#`);
    expect(await send(request)).toEqual(first);
  });

  it.each(['5000', '5000000'])('sells at the bounds (%s kobo)', async (amount_minor) => {
    expect((await send(dispatch({ amount_minor }))).status).toBe('success');
  });

  it.each(['4999', '5000001', '100000000'])('refuses %s kobo before sending anything', async (amount_minor) => {
    const request = dispatch({ amount_minor });
    expect(await send(request)).toEqual({
      reference: request.reference,
      status: 'failed',
      provider_ref: null,
      error_code: 'AMOUNT_OUT_OF_RANGE',
      upstream_code: null,
      message: expect.stringContaining('N50 to N50,000'),
    });
    expect(await query(request)).toMatchObject({ status: 'failed', upstream_code: 'FAIL' });
  });

  it.each<[string, Partial<DispatchRequest>]>([
    ['another currency', { currency: 'USD' }],
    ['another network', { network: 'vodafone' }],
    ['another kind', { kind: 'data' }],
  ])('refuses %s as NOT_SUPPORTED, sending nothing', async (_, overrides) => {
    const request = dispatch(overrides);
    expect(await send(request)).toMatchObject({ status: 'failed', error_code: 'NOT_SUPPORTED', upstream_code: null });
    expect(await query(request)).toMatchObject({ status: 'failed', upstream_code: 'FAIL' });
  });

  describe('airtime (a top-up to the phone, api_query\'s "category":"airtime")', () => {
    it('tops the phone up: success with the transaction_id, never a PIN, serial or dial string', async () => {
      const request = dispatch({ kind: 'airtime', target: '2348031112299', amount_minor: '20000' });
      const result = await send(request);
      expect(result).toEqual({
        reference: request.reference,
        status: 'success',
        provider_ref: expect.stringMatching(/^api_[0-9a-f]{13}$/),
        pin: null,
        serial: null,
        ussd: null,
        upstream_code: 'OK',
      });
      const resolved = await adapter.query({ reference: request.reference, upstream: 'estoresms', mode: 'live', original: request });
      expect(resolved).toMatchObject({ status: 'success', provider_ref: result.provider_ref, pin: null, serial: null, ussd: null });
    });

    it('sends the phone, in the request eStoreSMS records against it', async () => {
      const request = dispatch({ kind: 'airtime', target: '2348031112298' });
      await send(request);
      const hash = createHash('sha512').update(`${ACCOUNT.token}${ACCOUNT.email}${ACCOUNT.username}${request.reference}`).digest('hex');
      const records = (await (await fetch(`${simUrl}/estoresms/api_query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: ACCOUNT.username, hash, ref: request.reference }) })).json()) as Record<string, string>[];
      expect(records).toEqual([expect.objectContaining({ ref: request.reference, category: 'airtime', phone: '+2348031112298', topup_currency: 'NGN', topup_amount: '100', status: 'Approved' })]);
    });

    it('fails for want of our float (P009) and takes a pending top-up as pending', async () => {
      expect(await send(dispatch({ kind: 'airtime', target: '2348030000002' }))).toMatchObject({ status: 'failed', error_code: 'INSUFFICIENT_UPSTREAM_BALANCE', upstream_code: 'P009' });
      expect(await send(dispatch({ kind: 'airtime', target: '2348030000005' }))).toMatchObject({ status: 'unknown', upstream_code: 'PENDING' });
    });

    it.each<[string, Partial<DispatchRequest>]>([
      ['in another currency', { currency: 'KES' }],
      ['on another network', { network: 'safaricom' }],
      ['below N50', { amount_minor: '4999' }],
    ])('refuses airtime %s before sending anything', async (_, overrides) => {
      expect(await send(dispatch({ kind: 'airtime', ...overrides }))).toMatchObject({ status: 'failed', upstream_code: null });
    });
  });

  describe('float (the balance call)', () => {
    it("reads our wallet in kobo with the account's password", async () => {
      const live = await adapter.float('live');
      expect(live).toEqual({ currency: 'NGN', amount_minor: expect.stringMatching(/^\d+$/) });
      const balance = await (await fetch(`${simUrl}/estoresms/smsapi.php?username=${ACCOUNT.username}&password=sim-estoresms-password&balance=true`)).text();
      expect(BigInt(live.amount_minor)).toBe(BigInt(balance.replace('.', '')));
    });

    it('fails with a short reason that never carries the password', async () => {
      const wrong = new EstoresmsAdapter(configOf({ ESTORESMS_PASSWORD: 'wrong-password-123' }));
      const error = (await wrong.float('live').catch((e: unknown) => e)) as Error;
      expect(error.message).toBe('balance call answered "Authentication failed"');
      const nowhere = new EstoresmsAdapter(configOf({ ESTORESMS_BASE_URL: 'http://127.0.0.1:1/estoresms', ESTORESMS_PASSWORD: 'wrong-password-123' }));
      const unreachable = (await nowhere.float('live').catch((e: unknown) => e)) as Error;
      expect(unreachable.message).toBe('balance call unreachable');
    });
  });

  it('fails …0001 as INVALID_TARGET (P007) and …0002 as INSUFFICIENT_UPSTREAM_BALANCE (P009)', async () => {
    expect(await send(dispatch({ target: '2348030000001' }))).toMatchObject({
      status: 'failed',
      error_code: 'INVALID_TARGET',
      upstream_code: 'P007',
      message: 'eStoreSMS: Invalid phone number',
    });
    expect(await send(dispatch({ target: '2348030000002' }))).toMatchObject({
      status: 'failed',
      error_code: 'INSUFFICIENT_UPSTREAM_BALANCE',
      upstream_code: 'P009',
      message: 'eStoreSMS: Insufficient Balance',
    });
  });

  it('fails a phone of another network as INVALID_TARGET (P008)', async () => {
    expect(await send(dispatch({ network: 'airtel' }))).toMatchObject({ status: 'failed', error_code: 'INVALID_TARGET', upstream_code: 'P008' });
  });

  it('leaves a timeout that was delivered (…0003) unknown, and the query resolves it to success', async () => {
    const request = dispatch({ target: '2348030000003' });
    const result = await send(request);
    expect(result).toMatchObject({ status: 'unknown', provider_ref: null, upstream_code: null, message: expect.stringContaining(`within ${TIMEOUT_MS} ms`) });
    expect(await query(request)).toMatchObject({ status: 'success', provider_ref: expect.stringMatching(/^api_/), upstream_code: 'Approved' });
    await slowAnswerDone();
  });

  it('leaves a timeout that was not delivered (…0004) unknown, and the query resolves it to failed', async () => {
    const request = dispatch({ target: '2348030000004' });
    expect((await send(request)).status).toBe('unknown');
    expect(await query(request)).toMatchObject({ status: 'failed', error_code: 'UPSTREAM_REJECTED', upstream_code: 'Failed' });
    await slowAnswerDone();
  });

  it('takes …0005 as pending; the callback says success, and so does the query', async () => {
    const request = dispatch({ target: '2348030000005' });
    const result = await send(request);
    expect(result).toMatchObject({ status: 'unknown', upstream_code: 'PENDING', provider_ref: expect.stringMatching(/^api_/) });
    const translation = await translationFor(request.reference);
    expect(translation).toEqual({
      outcome: expect.objectContaining({ reference: request.reference, status: 'success', provider_ref: result.provider_ref, upstream_code: 'Approved' }),
      reply: { status: 200, body: { response: 'OK' } },
    });
    expect(await query(request)).toMatchObject({ status: 'success', provider_ref: result.provider_ref });
  });

  it('takes …0006 as pending; the callback says failed, confirmed by the query', async () => {
    const request = dispatch({ target: '2348030000006' });
    const result = await send(request);
    expect(result).toMatchObject({ status: 'unknown', upstream_code: 'PENDING' });
    const translation = await translationFor(request.reference);
    expect(translation.outcome).toMatchObject({ reference: request.reference, status: 'failed', error_code: 'UPSTREAM_REJECTED', upstream_code: 'Failed', provider_ref: result.provider_ref });
    expect(translation.reply.status).toBe(200);
  });

  it('leaves HTTP 500 (…0007) unknown; the query finds no record, so failed', async () => {
    const request = dispatch({ target: '2348030000007' });
    expect(await send(request)).toMatchObject({ status: 'unknown', message: expect.stringContaining('HTTP 500') });
    expect(await query(request)).toMatchObject({ status: 'failed', error_code: 'UPSTREAM_REJECTED', upstream_code: 'FAIL' });
  });

  it('leaves an undocumented body (…0008) unknown; the query resolves it to success', async () => {
    const request = dispatch({ target: '2348030000008' });
    expect(await send(request)).toMatchObject({ status: 'unknown', message: expect.stringContaining('not JSON') });
    expect(await query(request)).toMatchObject({ status: 'success', upstream_code: 'Approved' });
  });

  it('fails a send with the wrong credentials (P001), and concludes nothing from a query with them', async () => {
    const wrong = new EstoresmsAdapter(configOf({ ESTORESMS_TOKEN: 'not-the-token' }));
    const request = dispatch();
    expect(await send(request, wrong)).toMatchObject({ status: 'failed', error_code: 'UPSTREAM_REJECTED', upstream_code: 'P001', message: 'eStoreSMS: Authentication failed' });
    expect(await wrong.query({ reference: request.reference, upstream: 'estoresms', mode: 'live' })).toMatchObject({ status: 'unknown', upstream_code: 'P001' });
  });

  it('sends test keys to the sandbox with the sandbox account, live keys to eStoreSMS', async () => {
    const closed = new TinyServer(() => undefined);
    const closedUrl = await closed.start();
    await closed.stop();
    const split = new EstoresmsAdapter(configOf({ ESTORESMS_BASE_URL: `${closedUrl}/estoresms`, ESTORESMS_TOKEN: 'live-only-token' }));
    expect((await send(dispatch({ mode: 'test' }), split)).status).toBe('success');
    expect(await send(dispatch({ mode: 'live' }), split)).toMatchObject({ status: 'unknown', message: expect.stringContaining('could not be reached') });
  });

  it('sends the fields of the document’s sample request, signed with the hash over the ref, and reads its sample answer', async () => {
    const sample = readFileSync(new URL('./fixtures/generate-response-ok.json', import.meta.url), 'utf8');
    const capture = new TinyServer((_, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(sample));
    const url = await capture.start();
    try {
      const capturing = new EstoresmsAdapter(configOf({ ESTORESMS_BASE_URL: url, ESTORESMS_PIN_MESSAGE: 'Thank you for using our service'.slice(0, 20) }));
      const request = dispatch({ reference: 'myRef', amount_minor: '5050', message: 'A message that is far longer than twenty characters' });
      expect(await send(request, capturing)).toMatchObject({ status: 'success', provider_ref: 'api_5d2597bc3c287', pin: '7069933456200', serial: '375919' });
      const [received] = capture.requests;
      expect(received).toMatchObject({ method: 'POST', path: '/network_processing/v/2', contentType: 'application/json' });
      const body = JSON.parse(received?.body ?? '{}') as Record<string, unknown>;
      // The sample request (fixtures/generate-request.sample.txt) has these fields, all strings.
      const sampleFields = Object.keys(JSON.parse(readFileSync(new URL('./fixtures/generate-request.sample.txt', import.meta.url), 'utf8').replace(/,\s*}/, '}')));
      expect(sampleFields).toEqual(['username', 'ref', 'hash', 'callback', 'pinAmount', 'pinMessage']);
      for (const name of sampleFields) expect(typeof body[name]).toBe('string');
      expect(body).toEqual({
        username: ACCOUNT.username,
        ref: 'myRef',
        hash: createHash('sha512').update(`${ACCOUNT.token}${ACCOUNT.email}${ACCOUNT.username}myRef`).digest('hex'),
        callback: expect.stringMatching(/\/callbacks\/estoresms$/),
        pinAmount: '50.50',
        pinMessage: 'A message that is fa',
        network: 'mtn',
        phone: '2348031234567',
      });
    } finally {
      await capture.stop();
    }
  });

  describe('callbacks', () => {
    it('turns a reversal of an issued PIN into failed REVERSED, once the query confirms it', async () => {
      const request = dispatch();
      const result = await send(request);
      const response = await fetch(`${simUrl}/estoresms/sim/transactions/${result.provider_ref as string}/status`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'Reversed' }),
      });
      expect(response.status).toBe(200);
      const translation = await translationFor(request.reference);
      expect(translation.outcome).toMatchObject({ reference: request.reference, status: 'failed', error_code: 'REVERSED', upstream_code: 'Reversed', provider_ref: result.provider_ref });
      expect(await query(request)).toMatchObject({ status: 'failed', error_code: 'REVERSED' });
    });

    it.each(['Awaiting Confirmation', 'Pending'])('keeps %s pending', async (status) => {
      const request = dispatch();
      const result = await send(request);
      await fetch(`${simUrl}/estoresms/sim/transactions/${result.provider_ref as string}/status`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status }),
      });
      expect((await translationFor(request.reference)).outcome).toMatchObject({ status: 'unknown', upstream_code: 'PENDING' });
    });

    it('does not refund on a forged failure: the query says the PIN was issued', async () => {
      const request = dispatch();
      const result = await send(request);
      const translation = await adapter.callback('status', { transaction_id: result.provider_ref, reference: request.reference, status: 'Failed' }, context);
      expect(translation.outcome).toMatchObject({ status: 'success', provider_ref: result.provider_ref, upstream_code: 'Approved' });
      expect(translation.refused).toMatchObject({ reason: 'contradicted-by-query', claimed: 'failed', queried: 'success' });
    });

    it('does not take a forged Approved for a PIN eStoreSMS refused: the query says failed', async () => {
      const request = dispatch({ target: '2348030000006' });
      const result = await send(request);
      const translation = await adapter.callback('status', { transaction_id: result.provider_ref, reference: request.reference, status: 'Approved' }, context);
      // Until eStoreSMS settles it, the query says Pending: nothing moves; once failed, failed is the outcome.
      expect(translation.outcome?.status ?? 'nothing').not.toBe('success');
      expect(translation.refused?.reason).toMatch(/^(not-confirmed-yet|contradicted-by-query)$/);
    });

    it('asks eStoreSMS to retry a failure it cannot confirm now', async () => {
      const request = dispatch();
      const result = await send(request);
      const closed = new TinyServer(() => undefined);
      const closedUrl = await closed.start();
      await closed.stop();
      const cut = new EstoresmsAdapter(configOf({ ESTORESMS_BASE_URL: closedUrl }));
      const translation = await cut.callback('status', { transaction_id: result.provider_ref, reference: request.reference, status: 'Cancelled' }, context);
      expect(translation).toEqual({ reply: { status: 503, body: expect.any(Object) }, refused: expect.objectContaining({ reason: 'not-confirmed-yet' }) });
    });

    it('refuses callbacks that are not about a dispatch of ours', async () => {
      const request = dispatch();
      const result = await send(request);
      const call = (body: unknown, kind = 'status') => adapter.callback(kind, body, context);
      expect(await call({ transaction_id: 'api_1', reference: 'not-ours', status: 'Approved' })).toEqual({ reply: { status: 404, body: expect.any(Object) }, refused: { reason: 'unknown-transaction' } });
      expect(await call({ transaction_id: 'api_other', reference: request.reference, status: 'Failed' })).toEqual({
        reply: { status: 400, body: expect.any(Object) },
        refused: { reason: 'does-not-match-dispatch', reference: request.reference },
      });
      expect(await call({ reference: request.reference, status: 'Approved' })).toEqual({ reply: { status: 400, body: expect.any(Object) }, refused: { reason: 'malformed' } });
      expect(await call({ transaction_id: result.provider_ref, reference: request.reference, status: 'Approved' }, 'validation')).toEqual({
        reply: { status: 404, body: expect.any(Object) },
        refused: { reason: 'malformed' },
      });
      expect(await call({ transaction_id: result.provider_ref, reference: request.reference, status: 'Mystery' })).toEqual({ reply: { status: 200, body: { response: 'OK' } } });
    });
  });
});
