import { createCipheriv } from 'node:crypto';
import { type PesepayPaymentView, Rpc, type RpcDef } from '@airtime/contracts';
import { PlatformError } from '@airtime/platform';
import { CallbackReceiver, type RunningPesepaySimulator, startPesepaySimulator } from '@airtime/simulators/testing';
import { decryptPesepayPayload, encryptPesepayPayload } from '@airtime/upstreams';
import { type RunningProviderAdapters, startProviderAdaptersService } from '../testing/start-provider-adapters-service.js';
import { type TappedRequest, type UpstreamFault, UpstreamTap } from '../testing/upstream-tap.js';

// Live and sandbox on separate simulators with separate keys, so each test also shows which one was used.
const LIVE = { integrationKey: 'live-integration-key', encryptionKey: 'live-encryption-key-0123456789ab' };
const SANDBOX = { integrationKey: 'sandbox-integration-key', encryptionKey: 'sandbox-encryption-key-abcdefghi' };
const STRANGER_KEY = 'another-32-character-key-0000000';
const TIMEOUT_MS = 400;
const API = '/pesepay/api/payments-engine';

/** How the simulator's payment page ends a payment in each status (its `?outcome=`). */
const OUTCOME_OF: Record<string, string> = {
  SUCCESS: 'success',
  FAILED: 'failed',
  DECLINED: 'declined',
  TIME_OUT: 'timeout',
  CANCELLED: 'cancelled',
  PENDING: 'pending',
  PROCESSING: 'processing',
};

/** An answer of 200 carrying `value`, encrypted as Pesepay's are, in the simulator's place. */
function encryptedAnswer(value: unknown, key = SANDBOX.encryptionKey): UpstreamFault {
  return { kind: 'answer', status: 200, body: JSON.stringify({ payload: encryptPesepayPayload(value, key) }) };
}

/**
 * The real Pesepay simulator (libs/simulators), one for live and one for the sandbox, each behind a
 * tap that records what the adapter sent and can break the wire where a test asks.
 */
describe('the Pesepay adapter over NATS', () => {
  let liveSim: RunningPesepaySimulator;
  let sandboxSim: RunningPesepaySimulator;
  let live: UpstreamTap;
  let sandbox: UpstreamTap;
  const receiver = new CallbackReceiver();
  let resultUrl: string;
  let service: RunningProviderAdapters;

  beforeAll(async () => {
    liveSim = await startPesepaySimulator(LIVE);
    sandboxSim = await startPesepaySimulator(SANDBOX);
    live = new UpstreamTap(liveSim.url);
    sandbox = new UpstreamTap(sandboxSim.url);
    resultUrl = `${await receiver.start()}/callbacks/pesepay`;
    service = await startProviderAdaptersService({
      PESEPAY_BASE_URL: `${await live.start()}${API}`,
      PESEPAY_SANDBOX_BASE_URL: `${await sandbox.start()}${API}`,
      PESEPAY_INTEGRATION_KEY: LIVE.integrationKey,
      PESEPAY_ENCRYPTION_KEY: LIVE.encryptionKey,
      PESEPAY_SANDBOX_INTEGRATION_KEY: SANDBOX.integrationKey,
      PESEPAY_SANDBOX_ENCRYPTION_KEY: SANDBOX.encryptionKey,
      PESEPAY_TIMEOUT_MS: String(TIMEOUT_MS),
    });
  }, 60_000);

  afterAll(async () => {
    await service?.stop();
    await live.stop();
    await sandbox.stop();
    await liveSim.stop();
    await sandboxSim.stop();
    await receiver.stop();
  });

  // Payloads stay loose here: some break the contract on purpose, to see the adapter refuse them.
  const request = <Req, Res>(def: RpcDef<Req, Res>, payload: object) => service.rpc.request(def, payload as Req);
  const failureOf = async (promise: Promise<unknown>): Promise<PlatformError> => {
    try {
      await promise;
    } catch (error) {
      if (error instanceof PlatformError) return error;
      throw error;
    }
    throw new Error('expected a PlatformError, got an answer');
  };

  let references = 0;
  const initiateRequest = (overrides: Record<string, unknown> = {}) => ({
    merchant_reference: `TU-${++references}`,
    mode: 'test',
    currency: 'USD',
    amount_minor: '1050',
    reason: 'Airtime wallet top-up',
    result_url: resultUrl,
    return_url: 'http://127.0.0.1:3000/callbacks/pesepay/return?reference=TU-1',
    ...overrides,
  });
  const initiate = (overrides: Record<string, unknown> = {}) =>
    request(Rpc.providerAdapters.pesepayInitiate, initiateRequest(overrides));
  const check = (pesepay_reference: string, mode = 'test') =>
    request(Rpc.providerAdapters.pesepayCheck, { pesepay_reference, mode });
  const decode = (payload: string) => request(Rpc.providerAdapters.pesepayDecodeCallback, { payload });
  const decrypted = (tapped: TappedRequest | undefined, key: string): unknown => decryptPesepayPayload((JSON.parse(tapped?.raw ?? '{}') as { payload: string }).payload, key);
  /** The payer on the simulator's payment page, ending the payment in `status`. */
  const pay = async (payment: PesepayPaymentView, status: string): Promise<void> => {
    const page = await fetch(`${payment.redirect_url}?outcome=${OUTCOME_OF[status]}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`Payment ${status}`);
  };
  /** The result callback the simulator sent for a payment, as it reached our resultUrl. */
  const callbackOf = (pesepay_reference: string, key: string): string => {
    const payloads = receiver.received.map((r) => (JSON.parse(r.body) as { payload: string }).payload);
    const found = payloads.filter((p) => (decryptPesepayPayload(p, key) as { referenceNumber?: string } | undefined)?.referenceNumber === pesepay_reference);
    expect(found).toHaveLength(1);
    return found[0] as string;
  };

  describe('initiate', () => {
    it('sends the payment encrypted under the sandbox key for test mode, 10.50 as 10.5, and answers the payment page', async () => {
      const sent = initiateRequest();
      const payment = await request(Rpc.providerAdapters.pesepayInitiate, sent);

      const received = sandbox.requests.at(-1);
      expect(received).toMatchObject({
        method: 'POST',
        path: `${API}/v1/payments/initiate`,
        authorization: SANDBOX.integrationKey,
        contentType: 'application/json',
      });
      expect(Object.keys(JSON.parse(received?.raw ?? '{}'))).toEqual(['payload']);
      expect(decrypted(received, SANDBOX.encryptionKey)).toEqual({
        amountDetails: { amount: 10.5, currencyCode: 'USD' },
        reasonForPayment: sent.reason,
        resultUrl: sent.result_url,
        returnUrl: sent.return_url,
        merchantReference: sent.merchant_reference,
      });
      expect(received?.raw).toContain('"payload"');
      expect(JSON.stringify(decrypted(received, SANDBOX.encryptionKey))).toContain('"amount":10.5,');

      expect(payment).toEqual({
        pesepay_reference: expect.stringMatching(/^\d{17}-[0-9A-F]{8}$/),
        merchant_reference: sent.merchant_reference,
        mode: 'test',
        status: 'pending',
        upstream_status: 'PENDING',
        currency: 'USD',
        amount_minor: '1050',
        redirect_url: `${sandboxSim.url}/pesepay/pay/${payment.pesepay_reference}`,
        poll_url: `${sandboxSim.url}${API}/v1/payments/check-payment?referenceNumber=${payment.pesepay_reference}`,
      });
    });

    it('sends live payments to Pesepay proper, under the live keys', async () => {
      const before = sandbox.requests.length;
      const payment = await initiate({ mode: 'live', amount_minor: '100000' });
      expect(live.requests.at(-1)).toMatchObject({ authorization: LIVE.integrationKey });
      expect(decrypted(live.requests.at(-1), LIVE.encryptionKey)).toMatchObject({ amountDetails: { amount: 1000, currencyCode: 'USD' } });
      expect(sandbox.requests).toHaveLength(before);
      expect(payment).toMatchObject({ mode: 'live', amount_minor: '100000', status: 'pending' });
    });

    it('refuses a request that breaks the contract without calling Pesepay', async () => {
      const before = sandbox.requests.length;
      const error = await failureOf(initiate({ amount_minor: '10.50' }));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(sandbox.requests).toHaveLength(before);
    });

    it('refuses an answer without a payment page as UPSTREAM_ERROR', async () => {
      sandbox.fault(encryptedAnswer({ referenceNumber: 'X-1', transactionStatus: 'PENDING', amountDetails: { amount: 10.5, currencyCode: 'USD' } }));
      const error = await failureOf(initiate());
      expect(error.code).toBe('UPSTREAM_ERROR');
      expect(error.message).toMatch(/redirectUrl/);
    });
  });

  describe('check', () => {
    it.each([
      ['SUCCESS', 'paid'],
      ['FAILED', 'failed'],
      ['DECLINED', 'failed'],
      ['TIME_OUT', 'failed'],
      ['CANCELLED', 'cancelled'],
      ['PENDING', 'pending'],
      ['PROCESSING', 'pending'],
    ])('reads %s as %s', async (upstream, status) => {
      const initiated = await initiate({ amount_minor: '1999' });
      const { pesepay_reference, merchant_reference } = initiated;
      await pay(initiated, upstream);
      const payment = await check(pesepay_reference);
      expect(sandbox.requests.at(-1)).toMatchObject({
        method: 'GET',
        path: `${API}/v1/payments/check-payment?referenceNumber=${pesepay_reference}`,
        authorization: SANDBOX.integrationKey,
      });
      expect(payment).toEqual({
        pesepay_reference,
        merchant_reference,
        mode: 'test',
        status,
        upstream_status: upstream,
        currency: 'USD',
        amount_minor: '1999',
        redirect_url: null,
        poll_url: null,
      });
    });

    it('asks the live Pesepay for live payments', async () => {
      const initiated = await initiate({ mode: 'live' });
      await pay(initiated, 'SUCCESS');
      expect(await check(initiated.pesepay_reference, 'live')).toMatchObject({ mode: 'live', status: 'paid' });
    });

    it.each([500, 502, 503])('reports HTTP %s as UPSTREAM_UNAVAILABLE', async (status) => {
      sandbox.fault({ kind: 'answer', status, body: '<html>Bad gateway</html>' });
      const error = await failureOf(check('PAYMENT-1'));
      expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(error.message).toContain(`HTTP ${status}`);
    });

    it('reports a refusal (4xx) as UPSTREAM_ERROR with what Pesepay said', async () => {
      const error = await failureOf(check('NO-SUCH-PAYMENT'));
      expect(error.code).toBe('UPSTREAM_ERROR');
      expect(error.message).toBe('Pesepay refused check-payment with HTTP 404: No payment with referenceNumber NO-SUCH-PAYMENT');
    });

    it.each<[string, () => UpstreamFault, RegExp]>([
      ['HTML instead of JSON', () => ({ kind: 'answer', status: 200, body: '<html>maintenance</html>' }), /not an encrypted payload/],
      ['JSON without a payload', () => ({ kind: 'answer', status: 200, body: '{"referenceNumber":"PAYMENT-1"}' }), /not an encrypted payload/],
      ['a payload under another key', () => encryptedAnswer({ referenceNumber: 'PAYMENT-1' }, STRANGER_KEY), /does not decrypt/],
      ['a transaction without a status', () => encryptedAnswer({ referenceNumber: 'PAYMENT-1', amountDetails: { amount: 1, currencyCode: 'USD' } }), /transactionStatus/],
      ['another payment than the one asked for', () => encryptedAnswer({ referenceNumber: 'PAYMENT-999', transactionStatus: 'SUCCESS', amountDetails: { amount: 1, currencyCode: 'USD' } }), /another payment/],
    ])('reports %s as UPSTREAM_ERROR, saying what', async (_, fault, message) => {
      sandbox.fault(fault());
      const error = await failureOf(check('PAYMENT-1'));
      expect(error.code).toBe('UPSTREAM_ERROR');
      expect(error.message).toMatch(message);
    });

    it('reports no answer in time as UPSTREAM_UNAVAILABLE', async () => {
      sandbox.fault({ kind: 'hang' });
      const started = Date.now();
      const error = await failureOf(check('PAYMENT-1'));
      expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(error.message).toBe(`Pesepay did not answer check-payment within ${TIMEOUT_MS} ms`);
      expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    });

    it('reports a dropped connection as UPSTREAM_UNAVAILABLE', async () => {
      sandbox.fault({ kind: 'drop' });
      const error = await failureOf(check('PAYMENT-1'));
      expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(error.message).toMatch(/could not be reached for check-payment/);
    });

    it('reports a timed-out initiate as UPSTREAM_UNAVAILABLE too', async () => {
      sandbox.fault({ kind: 'hang' });
      const error = await failureOf(initiate());
      expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    });
  });

  describe('decode callback', () => {
    it("reads the sandbox's callback as a test payment", async () => {
      const initiated = await initiate();
      const { pesepay_reference, merchant_reference } = initiated;
      await pay(initiated, 'SUCCESS');
      const payment = await decode(callbackOf(pesepay_reference, SANDBOX.encryptionKey));
      expect(payment).toEqual({
        pesepay_reference,
        merchant_reference,
        mode: 'test',
        status: 'paid',
        upstream_status: 'SUCCESS',
        currency: 'USD',
        amount_minor: '1050',
        redirect_url: null,
        poll_url: null,
      });
    });

    it("reads live Pesepay's callback as a live payment", async () => {
      const initiated = await initiate({ mode: 'live' });
      const { pesepay_reference } = initiated;
      await pay(initiated, 'DECLINED');
      expect(await decode(callbackOf(pesepay_reference, LIVE.encryptionKey))).toMatchObject({ pesepay_reference, mode: 'live', status: 'failed', upstream_status: 'DECLINED' });
    });

    it('refuses a callback under a key that is not ours as INVALID_SIGNATURE', async () => {
      const forged = encryptPesepayPayload({ referenceNumber: 'PAYMENT-1', transactionStatus: 'SUCCESS', amountDetails: { amount: 1000, currencyCode: 'USD' }, paid: true }, STRANGER_KEY);
      const error = await failureOf(decode(forged));
      expect(error.code).toBe('INVALID_SIGNATURE');
    });

    it.each([
      ['text that is not a payload', 'hello, I am Pesepay'],
      ['base64 that is not ciphertext', Buffer.from('{"referenceNumber":"PAYMENT-1"}').toString('base64')],
    ])('refuses %s as INVALID_SIGNATURE', async (_, payload) => {
      expect((await failureOf(decode(payload))).code).toBe('INVALID_SIGNATURE');
    });

    it('refuses our key around something that is not a transaction as INVALID_SIGNATURE', async () => {
      expect((await failureOf(decode(encryptPesepayPayload({ hello: 'world' }, LIVE.encryptionKey)))).code).toBe('INVALID_SIGNATURE');
      expect((await failureOf(decode(encryptPesepayPayload(['PAYMENT-1'], LIVE.encryptionKey)))).code).toBe('INVALID_SIGNATURE');
      const cipher = createCipheriv('aes-256-cbc', Buffer.from(LIVE.encryptionKey), Buffer.from(LIVE.encryptionKey.slice(0, 16)));
      const notJson = Buffer.concat([cipher.update('referenceNumber=PAYMENT-1'), cipher.final()]).toString('base64');
      expect((await failureOf(decode(notJson))).code).toBe('INVALID_SIGNATURE');
    });

    it('refuses an empty payload by contract', async () => {
      expect((await failureOf(decode(''))).code).toBe('VALIDATION_FAILED');
    });
  });
});
