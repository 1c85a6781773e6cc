import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { estoresmsHash } from '@airtime/upstreams';
import { CallbackReceiver } from '../testing/callback-receiver.js';
import type { SentEstoresmsCallback } from './estoresms-sim.service.js';
import { EstoresmsSimulatorModule } from './estoresms-simulator.module.js';

const ACCOUNT = { token: 'spec-token', email: 'spec@example.com', username: 'specuser', password: 'spec-password' };
const SLOW_MS = 300;
const CALLBACK_DELAY_MS = 50;

/** The form fields of the first callback about `transactionId`, once it has come. */
async function callbackFields(receiver: CallbackReceiver, transactionId: string): Promise<Record<string, string>> {
  const callback = await receiver.waitFor((r) => new URLSearchParams(r.body).get('transaction_id') === transactionId);
  return Object.fromEntries(new URLSearchParams(callback.body));
}

async function startSimulator(env: Record<string, string> = {}): Promise<{ app: INestApplication; url: string }> {
  const saved = { ...process.env };
  Object.assign(process.env, {
    SIM_ESTORESMS_TOKEN: ACCOUNT.token,
    SIM_ESTORESMS_EMAIL: ACCOUNT.email,
    SIM_ESTORESMS_USERNAME: ACCOUNT.username,
    SIM_ESTORESMS_PASSWORD: ACCOUNT.password,
    SIM_SLOW_ANSWER_MS: String(SLOW_MS),
    SIM_CALLBACK_DELAY_MS: String(CALLBACK_DELAY_MS),
    ...env,
  });
  try {
    const app = await NestFactory.create(EstoresmsSimulatorModule.register({ controls: true }), { logger: false });
    await app.listen(0, '127.0.0.1');
    return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/estoresms` };
  } finally {
    process.env = saved;
  }
}

describe('the eStoreSMS simulator over HTTP', () => {
  let app: INestApplication;
  let sim: string;
  const receiver = new CallbackReceiver();
  let callbackUrl: string;

  beforeAll(async () => {
    ({ app, url: sim } = await startSimulator());
    callbackUrl = `${await receiver.start()}/callbacks/estoresms`;
  });

  afterAll(async () => {
    await app.close();
    await receiver.stop();
  });

  let refs = 0;
  const newRef = () => `SpecRef${String(++refs).padStart(4, '9')}`;
  const hashOf = (identifier: string) => estoresmsHash(ACCOUNT.token, ACCOUNT.email, ACCOUNT.username, identifier);

  function pinRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const ref = (overrides['ref'] as string | undefined) ?? newRef();
    return {
      username: ACCOUNT.username,
      ref,
      hash: hashOf(ref),
      callback: callbackUrl,
      pinAmount: '50',
      pinMessage: 'Thank you for using our service',
      network: 'mtn',
      phone: '08031234567',
      ...overrides,
    };
  }

  const post = (path: string, body: unknown) =>
    fetch(`${sim}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  async function generate(body: Record<string, unknown>): Promise<{ status: number; json: unknown }> {
    const response = await post('network_processing/v/2', body);
    return { status: response.status, json: await response.json() };
  }

  async function query(body: Record<string, unknown>): Promise<unknown> {
    const response = await post('api_query', body);
    expect(response.status).toBe(200);
    return response.json();
  }

  const error = (code: string, message: string) => [{ response: code, message }];

  it('lists the supported networks exactly as the document does', async () => {
    const response = await fetch(`${sim}/network_list`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(
      JSON.stringify([
        { id: 'airtel', name: 'Airtel Network' },
        { id: '9mobile', name: '9mobile Network' },
        { id: 'mtn', name: 'MTN Network' },
        { id: 'glo', name: 'Glo Network' },
      ]),
    );
  });

  describe('generate airtime PIN', () => {
    it("answers SAMPLE RESPONSE 1's shape, with a network's dial string", async () => {
      const request = pinRequest();
      const { status, json } = await generate(request);
      expect(status).toBe(200);
      expect(Object.keys(json as object)).toEqual(['response', 'ref', 'transaction_id', 'serial', 'pin', 'USSD', 'amount', 'amount_charged']);
      const answer = json as Record<string, unknown>;
      expect(answer).toEqual({
        response: 'OK',
        ref: request['ref'],
        transaction_id: expect.stringMatching(/^api_[0-9a-f]{13}$/),
        serial: expect.stringMatching(/^\d+$/),
        pin: expect.stringMatching(/^[1-9]\d{12}$/),
        USSD: `*555*${answer['pin'] as string}#`,
        amount: 50,
        amount_charged: 49,
      });
    });

    it.each([
      ['airtel', '08021234567', '126'],
      ['glo', '08051234567', '123'],
      ['9mobile', '08091234567', '222'],
    ])('dials %s PINs with its own code', async (network, phone, code) => {
      const { json } = await generate(pinRequest({ network, phone }));
      const answer = json as { pin: string; USSD: string };
      expect(answer.USSD).toBe(`*${code}*${answer.pin}#`);
    });

    it('takes the network from the phone when none is sent, and needs neither a phone nor a callback', async () => {
      const { json: fromPhone } = await generate(pinRequest({ network: undefined, phone: '2348051234567' }));
      expect((fromPhone as { USSD: string }).USSD).toMatch(/^\*123\*/);
      const { json: bare } = await generate(pinRequest({ phone: undefined, callback: undefined, pinAmount: 50000 }));
      expect(bare).toMatchObject({ response: 'OK', amount: 50000, amount_charged: 49000 });
    });

    it('refuses a wrong hash or username with P001 (array-shaped, as SAMPLE RESPONSE 2)', async () => {
      const ref = newRef();
      expect(await generate(pinRequest({ ref, hash: hashOf(`${ref}x`) }))).toEqual({ status: 200, json: error('P001', 'Authentication failed') });
      expect((await generate(pinRequest({ ref, hash: estoresmsHash('another-token', ACCOUNT.email, ACCOUNT.username, ref) }))).json).toEqual(
        error('P001', 'Authentication failed'),
      );
      expect((await generate(pinRequest({ ref, username: 'someone' }))).json).toEqual(error('P001', 'Authentication failed'));
    });

    it('accepts the hash in upper case hex too', async () => {
      const ref = newRef();
      expect((await generate(pinRequest({ ref, hash: hashOf(ref).toUpperCase() }))).json).toMatchObject({ response: 'OK' });
    });

    it.each<[string, Record<string, unknown>, string, string]>([
      ['no username', { username: undefined }, 'P000', 'Incomplete Information'],
      ['no ref', { ref: '' }, 'P000', 'Incomplete Information'],
      ['no hash', { hash: undefined }, 'P000', 'Incomplete Information'],
      ['an unknown network', { network: 'etisalat' }, 'P002', 'Invalid Network selected'],
      ['neither a network nor a phone', { network: undefined, phone: undefined }, 'P002', 'Invalid Network selected'],
      ['an empty phone', { phone: '' }, 'P003', 'Phone number is required'],
      ['no amount', { pinAmount: undefined }, 'P004', 'Amount is required'],
      ['an amount that is not numeric', { pinAmount: 'fifty' }, 'P005', 'Amount is not numeric'],
      ['N49.99', { pinAmount: '49.99' }, 'P006', 'Minimum recharge allowed per transaction N50'],
      ['an invalid phone', { phone: '12345' }, 'P007', 'Invalid phone number'],
      ['an MTN phone as Airtel', { network: 'airtel', phone: '08031234567' }, 'P008', 'Network selected for phone number is invalid'],
      ['N50,000.01', { pinAmount: '50000.01' }, 'P013', 'Maximum recharge allowed per transaction N50,000.'],
    ])('refuses %s with its documented code', async (_, overrides, code, message) => {
      const request = pinRequest();
      const ref = 'ref' in overrides ? (overrides['ref'] as string) : (request['ref'] as string);
      const body = { ...request, ...overrides, hash: 'hash' in overrides ? overrides['hash'] : hashOf(ref) };
      expect(await generate(body)).toEqual({ status: 200, json: error(code, message) });
    });

    it('answers a ref it has seen with what became of it, generating and charging nothing more', async () => {
      const request = pinRequest();
      const first = await generate(request);
      const before = await balance();
      expect(await generate({ ...request, pinAmount: '100' })).toEqual(first);
      expect(await balance()).toBe(before);
    });
  });

  describe('test numbers', () => {
    it('rejects …0001 as an invalid phone (P007) and …0002 for insufficient balance (P009)', async () => {
      expect((await generate(pinRequest({ phone: '08030000001' }))).json).toEqual(error('P007', 'Invalid phone number'));
      expect((await generate(pinRequest({ phone: '08030000002' }))).json).toEqual(error('P009', 'Insufficient Balance'));
    });

    it('reads the ref’s last four digits when no phone is sent', async () => {
      const ref = `NoPhone${Date.now()}0001`;
      expect((await generate(pinRequest({ ref, phone: undefined }))).json).toEqual(error('P007', 'Invalid phone number'));
    });

    it('answers …0003 late, delivered, and …0004 late, failed; the query knows at once', async () => {
      const delivered = pinRequest({ phone: '08030000003' });
      const failed = pinRequest({ phone: '08030000004' });
      const started = Date.now();
      const answers = Promise.all([generate(delivered), generate(failed)]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await query({ username: ACCOUNT.username, hash: hashOf(delivered['ref'] as string), ref: delivered['ref'] })).toEqual([
        expect.objectContaining({ ref: delivered['ref'], status: 'Approved' }),
      ]);
      expect(await query({ username: ACCOUNT.username, hash: hashOf(failed['ref'] as string), ref: failed['ref'] })).toEqual([
        expect.objectContaining({ ref: failed['ref'], status: 'Failed' }),
      ]);
      const [ok, ko] = await answers;
      expect(Date.now() - started).toBeGreaterThanOrEqual(SLOW_MS - 20);
      expect(ok.json).toMatchObject({ response: 'OK', ref: delivered['ref'], pin: expect.stringMatching(/^\d{13}$/) });
      expect(ko.json).toEqual(error('P011', 'Process Failed'));
    });

    it.each([
      ['08030000005', 'Approved'],
      ['08030000006', 'Failed'],
    ])('accepts %s as pending (no PIN yet), then calls back %s, form-encoded', async (phone, status) => {
      const request = pinRequest({ phone });
      const { json } = await generate(request);
      const answer = json as Record<string, unknown>;
      expect(answer).toMatchObject({ response: 'OK', ref: request['ref'], pin: '', serial: '', USSD: '', amount: 50, amount_charged: 49 });
      const transactionId = answer['transaction_id'] as string;
      expect(await query({ username: ACCOUNT.username, hash: hashOf(transactionId), transaction_id: transactionId })).toEqual([
        expect.objectContaining({ transaction_id: transactionId, status: 'Pending' }),
      ]);
      expect(await callbackFields(receiver, transactionId)).toEqual({ transaction_id: transactionId, reference: request['ref'], status });
      const delivered = receiver.received.find((r) => r.body.includes(transactionId));
      expect(delivered?.path).toBe('/callbacks/estoresms');
      expect(delivered?.contentType).toBe('application/x-www-form-urlencoded');
      expect(await query({ username: ACCOUNT.username, hash: hashOf(transactionId), transaction_id: transactionId })).toEqual([
        expect.objectContaining({ status }),
      ]);
      const sent = (await (await fetch(`${sim}/sim/callbacks?transaction_id=${transactionId}`)).json()) as SentEstoresmsCallback[];
      expect(sent).toEqual([expect.objectContaining({ transaction_id: transactionId, status, status_code: 200, error: null })]);
    });

    it('answers …0007 with HTTP 500 and keeps nothing', async () => {
      const request = pinRequest({ phone: '08030000007' });
      const response = await post('network_processing/v/2', request);
      expect(response.status).toBe(500);
      expect(await query({ username: ACCOUNT.username, hash: hashOf(request['ref'] as string), ref: request['ref'] })).toEqual({
        response: 'FAIL',
        message: 'No record found',
      });
    });

    it('answers …0008 with 200 and a body that is not the documented shape, but delivers', async () => {
      const request = pinRequest({ phone: '08030000008' });
      const response = await post('network_processing/v/2', request);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain('<html>');
      expect(await query({ username: ACCOUNT.username, hash: hashOf(request['ref'] as string), ref: request['ref'] })).toEqual([
        expect.objectContaining({ status: 'Approved' }),
      ]);
    });
  });

  describe('query transaction', () => {
    it("answers SAMPLE RESPONSE 2's record shape, by ref or transaction_id, hashed over that identifier", async () => {
      const request = pinRequest({ pinAmount: '100' });
      const { json } = await generate(request);
      const transactionId = (json as { transaction_id: string }).transaction_id;
      const expected = [
        {
          transaction_id: transactionId,
          ref: request['ref'],
          category: 'airtime',
          network: 'MTN',
          phone: '+2348031234567',
          status: 'Approved',
          date: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
          topup_currency: 'NGN',
          topup_amount: '100',
          price: '100',
          amount_charged: '98',
        },
      ];
      const byRef = await query({ username: ACCOUNT.username, hash: hashOf(request['ref'] as string), ref: request['ref'] });
      expect(byRef).toEqual(expected);
      expect(Object.keys((byRef as object[])[0] as object)).toEqual(Object.keys(expected[0] as object));
      expect(await query({ username: ACCOUNT.username, hash: hashOf(transactionId), transaction_id: transactionId })).toEqual(expected);
    });

    it('answers SAMPLE RESPONSE 1 for what it does not know', async () => {
      expect(await query({ username: ACCOUNT.username, hash: hashOf('nothing-here'), ref: 'nothing-here' })).toEqual({ response: 'FAIL', message: 'No record found' });
      expect(await query({ username: ACCOUNT.username, hash: hashOf('api_0000000000000'), transaction_id: 'api_0000000000000' })).toEqual({
        response: 'FAIL',
        message: 'No record found',
      });
    });

    it('refuses a hash over another identifier with P001, and an incomplete query with P000', async () => {
      const ref = newRef();
      await generate(pinRequest({ ref }));
      expect(await query({ username: ACCOUNT.username, hash: hashOf('other'), ref })).toEqual(error('P001', 'Authentication failed'));
      expect(await query({ username: ACCOUNT.username, ref })).toEqual(error('P000', 'Incomplete Information'));
      expect(await query({ username: ACCOUNT.username, hash: hashOf(ref) })).toEqual(error('P000', 'Incomplete Information'));
    });
  });

  describe('status changes', () => {
    it('reverses an approved PIN when told, calls back, gives the money back and answers P011 to its ref', async () => {
      const request = pinRequest();
      const { json } = await generate(request);
      const transactionId = (json as { transaction_id: string }).transaction_id;
      const before = await balance();
      const response = await post(`sim/transactions/${transactionId}/status`, { status: 'Reversed' });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ transaction_id: transactionId, status: 'Reversed' });
      expect(await callbackFields(receiver, transactionId)).toEqual({ transaction_id: transactionId, reference: request['ref'], status: 'Reversed' });
      expect(await balance()).toBe((Number(before) + 49).toFixed(2));
      expect((await generate(request)).json).toEqual(error('P011', 'Process Failed'));
    });

    it('refuses a status the document does not list, and a transaction it does not know', async () => {
      const { json } = await generate(pinRequest());
      const transactionId = (json as { transaction_id: string }).transaction_id;
      expect((await post(`sim/transactions/${transactionId}/status`, { status: 'Done' })).status).toBe(400);
      expect((await post('sim/transactions/api_nope/status', { status: 'Failed' })).status).toBe(404);
    });

    it('records a callback URL that cannot be reached, and carries on', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      const { json } = await generate(pinRequest({ callback: `http://127.0.0.1:${port}/cb`, phone: '08030000005' }));
      const transactionId = (json as { transaction_id: string }).transaction_id;
      let sent: SentEstoresmsCallback[] = [];
      for (let i = 0; i < 100 && sent.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        sent = (await (await fetch(`${sim}/sim/callbacks?transaction_id=${transactionId}`)).json()) as SentEstoresmsCallback[];
      }
      expect(sent).toEqual([expect.objectContaining({ status: 'Approved', status_code: null, error: expect.any(String) })]);
    });
  });

  describe('balance', () => {
    it('answers the balance in naira to the right username and password, and Authentication failed otherwise', async () => {
      const before = Number(await balance());
      await generate(pinRequest({ pinAmount: '1000' }));
      expect(Number(await balance())).toBe(before - 980);
      const wrong = await fetch(`${sim}/smsapi.php?username=${ACCOUNT.username}&password=nope&balance=true`);
      expect(await wrong.text()).toBe('Authentication failed');
      const incomplete = await fetch(`${sim}/smsapi.php?username=${ACCOUNT.username}&password=${ACCOUNT.password}`);
      expect(await incomplete.text()).toBe('Incomplete Information');
    });
  });

  describe('control routes (simulator-only)', () => {
    const put = (path: string, body: unknown) => fetch(`${sim}/sim/${path}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    it('answers a phone as set by hand, in whichever form it was set, until cleared', async () => {
      expect(await (await put('behaviours/2348031112233', { behaviour: 'insufficient-balance' })).json()).toEqual({ target: '2348031112233', behaviour: 'insufficient-balance' });
      expect((await generate(pinRequest({ phone: '08031112233' }))).json).toEqual(error('P009', 'Insufficient Balance'));
      expect((await put('behaviours/08031112233', { behaviour: 'reject' })).status).toBe(200);
      expect((await generate(pinRequest({ phone: '2348031112233' }))).json).toEqual(error('P007', 'Invalid phone number'));
      expect((await fetch(`${sim}/sim/behaviours/08031112233`, { method: 'DELETE' })).status).toBe(204);
      expect((await generate(pinRequest({ phone: '08031112233' }))).json).toMatchObject({ response: 'OK' });
    });

    it('can make a test number succeed', async () => {
      await put('behaviours/08030000002', { behaviour: 'success' });
      expect((await generate(pinRequest({ phone: '08030000002' }))).json).toMatchObject({ response: 'OK' });
      await fetch(`${sim}/sim/behaviours/08030000002`, { method: 'DELETE' });
      expect((await generate(pinRequest({ phone: '08030000002' }))).json).toEqual(error('P009', 'Insufficient Balance'));
    });

    it('refuses an unknown behaviour or a target that is not a number with 400', async () => {
      expect((await put('behaviours/08031112233', { behaviour: 'explode' })).status).toBe(400);
      expect((await put('behaviours/08031112233', {})).status).toBe(400);
      expect((await put('behaviours/0803abc', { behaviour: 'reject' })).status).toBe(400);
      expect((await put('behaviours/1234', { behaviour: 'reject' })).status).toBe(400);
    });

    it('sets the wallet: a charge beyond it is P009, and the balance call reports it', async () => {
      const before = await balance();
      try {
        expect(await (await put('balance', { naira: '60.00' })).json()).toEqual({ naira: '60.00' });
        expect(await balance()).toBe('60.00');
        expect((await generate(pinRequest({ pinAmount: '100' }))).json).toEqual(error('P009', 'Insufficient Balance'));
        expect((await generate(pinRequest({ pinAmount: '50' }))).json).toMatchObject({ response: 'OK' });
        expect(await balance()).toBe('11.00');
        expect((await put('balance', { naira: 'lots' })).status).toBe(400);
      } finally {
        await put('balance', { naira: before });
      }
    });
  });

  async function balance(): Promise<string> {
    const response = await fetch(`${sim}/smsapi.php?username=${encodeURIComponent(ACCOUNT.username)}&password=${encodeURIComponent(ACCOUNT.password)}&balance=true&`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^\d+\.\d{2}$/);
    return text;
  }
});

describe('the eStoreSMS simulator, configured otherwise', () => {
  it('answers P010 while the API token is not enabled', async () => {
    const { app, url } = await startSimulator({ SIM_ESTORESMS_TOKEN_ENABLED: 'false' });
    try {
      const ref = 'Disabled1';
      const response = await fetch(`${url}/network_processing/v/2`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: ACCOUNT.username, ref, hash: estoresmsHash(ACCOUNT.token, ACCOUNT.email, ACCOUNT.username, ref), pinAmount: '50', network: 'mtn' }),
      });
      expect(await response.json()).toEqual([{ response: 'P010', message: 'API Token not enabled' }]);
    } finally {
      await app.close();
    }
  });

  it('answers P009 when the wallet cannot pay', async () => {
    const { app, url } = await startSimulator({ SIM_ESTORESMS_BALANCE: '60' });
    try {
      const send = (ref: string) =>
        fetch(`${url}/network_processing/v/2`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: ACCOUNT.username, ref, hash: estoresmsHash(ACCOUNT.token, ACCOUNT.email, ACCOUNT.username, ref), pinAmount: '50', network: 'mtn' }),
        }).then((r) => r.json());
      expect(await send('Poor1')).toMatchObject({ response: 'OK' });
      expect(await send('Poor2')).toEqual([{ response: 'P009', message: 'Insufficient Balance' }]);
    } finally {
      await app.close();
    }
  });

  it('starts on its development account', async () => {
    const { estoresmsSimSettings } = await import('./estoresms-sim-settings.js');
    expect(estoresmsSimSettings({})).toMatchObject({ token: 'sim-estoresms-token', email: 'sim@example.com', username: 'simuser', tokenEnabled: true, balanceKobo: 1_000_000_000 });
  });
});
