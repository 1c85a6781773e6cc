import { createCipheriv } from 'node:crypto';
import { type PesepayPaymentView, Subjects } from '@airtime/contracts';
import { PlatformError } from '@airtime/platform';
import { FakePesepay } from '../testing/fake-pesepay.js';
import { type RunningProviderAdapters, startProviderAdaptersService } from '../testing/start-provider-adapters-service.js';

// Live and sandbox on separate fakes with separate keys, so each test also shows which one was used.
const LIVE = { integrationKey: 'live-integration-key', encryptionKey: 'live-encryption-key-0123456789ab' };
const SANDBOX = { integrationKey: 'sandbox-integration-key', encryptionKey: 'sandbox-encryption-key-abcdefghi' };
const TIMEOUT_MS = 400;

describe('the Pesepay adapter over NATS', () => {
  const live = new FakePesepay(LIVE.integrationKey, LIVE.encryptionKey);
  const sandbox = new FakePesepay(SANDBOX.integrationKey, SANDBOX.encryptionKey);
  let service: RunningProviderAdapters;

  beforeAll(async () => {
    service = await startProviderAdaptersService({
      PESEPAY_BASE_URL: await live.start(),
      PESEPAY_SANDBOX_BASE_URL: await sandbox.start(),
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
  });

  const request = <T>(subject: string, payload: unknown) => service.rpc.request<T>(subject, payload);
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
    result_url: 'http://127.0.0.1:3000/callbacks/pesepay',
    return_url: 'http://127.0.0.1:3000/callbacks/pesepay/return?reference=TU-1',
    ...overrides,
  });
  const initiate = (overrides: Record<string, unknown> = {}) =>
    request<PesepayPaymentView>(Subjects.providerAdapters.pesepayInitiate, initiateRequest(overrides));
  const check = (pesepay_reference: string, mode = 'test') =>
    request<PesepayPaymentView>(Subjects.providerAdapters.pesepayCheck, { pesepay_reference, mode });
  const decode = (payload: string) => request<PesepayPaymentView>(Subjects.providerAdapters.pesepayDecodeCallback, { payload });

  describe('initiate', () => {
    it('sends the payment encrypted under the sandbox key for test mode, 10.50 as 10.5, and answers the payment page', async () => {
      const sent = initiateRequest();
      const payment = await request<PesepayPaymentView>(Subjects.providerAdapters.pesepayInitiate, sent);

      const received = sandbox.requests.at(-1);
      expect(received).toMatchObject({
        method: 'POST',
        path: '/api/payments-engine/v1/payments/initiate',
        authorization: SANDBOX.integrationKey,
        contentType: 'application/json',
      });
      expect(Object.keys(JSON.parse(received?.raw ?? '{}'))).toEqual(['payload']);
      expect(received?.decrypted).toEqual({
        amountDetails: { amount: 10.5, currencyCode: 'USD' },
        reasonForPayment: sent.reason,
        resultUrl: sent.result_url,
        returnUrl: sent.return_url,
        merchantReference: sent.merchant_reference,
      });
      expect(received?.raw).toContain('"payload"');
      expect(JSON.stringify(received?.decrypted)).toContain('"amount":10.5,');

      expect(payment).toEqual({
        pesepay_reference: payment.pesepay_reference,
        merchant_reference: sent.merchant_reference,
        mode: 'test',
        status: 'pending',
        upstream_status: 'PENDING',
        currency: 'USD',
        amount_minor: '1050',
        redirect_url: `${sandbox.url.replace('/api/payments-engine', '')}/pay/${payment.pesepay_reference}`,
        poll_url: `${sandbox.url}/v1/payments/check-payment?referenceNumber=${payment.pesepay_reference}`,
      });
    });

    it('sends live payments to Pesepay proper, under the live keys', async () => {
      const before = sandbox.requests.length;
      const payment = await initiate({ mode: 'live', amount_minor: '100000' });
      expect(live.requests.at(-1)).toMatchObject({ authorization: LIVE.integrationKey, decrypted: expect.objectContaining({ amountDetails: { amount: 1000, currencyCode: 'USD' } }) });
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
      sandbox.misbehave({ kind: 'encrypted', value: { referenceNumber: 'X-1', transactionStatus: 'PENDING', amountDetails: { amount: 10.5, currencyCode: 'USD' } } });
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
      const { pesepay_reference, merchant_reference } = await initiate({ amount_minor: '1999' });
      sandbox.setStatus(pesepay_reference, upstream);
      const payment = await check(pesepay_reference);
      expect(sandbox.requests.at(-1)).toMatchObject({
        method: 'GET',
        path: `/api/payments-engine/v1/payments/check-payment?referenceNumber=${pesepay_reference}`,
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
      const { pesepay_reference } = await initiate({ mode: 'live' });
      live.setStatus(pesepay_reference, 'SUCCESS');
      expect(await check(pesepay_reference, 'live')).toMatchObject({ mode: 'live', status: 'paid' });
    });

    it.each([500, 502, 503])('reports HTTP %s as UPSTREAM_UNAVAILABLE', async (status) => {
      sandbox.misbehave({ kind: 'status', status, body: '<html>Bad gateway</html>' });
      const error = await failureOf(check('FAKE-1'));
      expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(error.message).toContain(`HTTP ${status}`);
    });

    it('reports a refusal (4xx) as UPSTREAM_ERROR with what Pesepay said', async () => {
      const error = await failureOf(check('NO-SUCH-PAYMENT'));
      expect(error.code).toBe('UPSTREAM_ERROR');
      expect(error.message).toBe('Pesepay refused check-payment with HTTP 404: No payment NO-SUCH-PAYMENT');
    });

    it.each<[string, Parameters<FakePesepay['misbehave']>[0], RegExp]>([
      ['HTML instead of JSON', { kind: 'status', status: 200, body: '<html>maintenance</html>' }, /not an encrypted payload/],
      ['JSON without a payload', { kind: 'status', status: 200, body: '{"referenceNumber":"FAKE-1"}' }, /not an encrypted payload/],
      ['a payload under another key', { kind: 'status', status: 200, body: JSON.stringify({ payload: new FakePesepay('x', 'another-32-character-key-0000000').encrypt({ referenceNumber: 'FAKE-1' }) }) }, /does not decrypt/],
      ['a transaction without a status', { kind: 'encrypted', value: { referenceNumber: 'FAKE-1', amountDetails: { amount: 1, currencyCode: 'USD' } } }, /transactionStatus/],
      ['another payment than the one asked for', { kind: 'encrypted', value: { referenceNumber: 'FAKE-999', transactionStatus: 'SUCCESS', amountDetails: { amount: 1, currencyCode: 'USD' } } }, /another payment/],
    ])('reports %s as UPSTREAM_ERROR, saying what', async (_, misbehaviour, message) => {
      sandbox.misbehave(misbehaviour);
      const error = await failureOf(check('FAKE-1'));
      expect(error.code).toBe('UPSTREAM_ERROR');
      expect(error.message).toMatch(message);
    });

    it('reports no answer in time as UPSTREAM_UNAVAILABLE', async () => {
      sandbox.misbehave({ kind: 'hang' });
      const started = Date.now();
      const error = await failureOf(check('FAKE-1'));
      expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(error.message).toBe(`Pesepay did not answer check-payment within ${TIMEOUT_MS} ms`);
      expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    });

    it('reports a dropped connection as UPSTREAM_UNAVAILABLE', async () => {
      sandbox.misbehave({ kind: 'drop' });
      const error = await failureOf(check('FAKE-1'));
      expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(error.message).toMatch(/could not be reached for check-payment/);
    });

    it('reports a timed-out initiate as UPSTREAM_UNAVAILABLE too', async () => {
      sandbox.misbehave({ kind: 'hang' });
      const error = await failureOf(initiate());
      expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    });
  });

  describe('decode callback', () => {
    it('reads a callback under the sandbox key as a test payment', async () => {
      const { pesepay_reference, merchant_reference } = await initiate();
      sandbox.setStatus(pesepay_reference, 'SUCCESS');
      const payment = await decode(sandbox.encrypt(sandbox.transaction(pesepay_reference)));
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

    it('reads a callback under the live key as a live payment', async () => {
      const { pesepay_reference } = await initiate({ mode: 'live' });
      live.setStatus(pesepay_reference, 'DECLINED');
      expect(await decode(live.encrypt(live.transaction(pesepay_reference)))).toMatchObject({ pesepay_reference, mode: 'live', status: 'failed', upstream_status: 'DECLINED' });
    });

    it('refuses a callback under a key that is not ours as INVALID_SIGNATURE', async () => {
      const stranger = new FakePesepay('x', 'another-32-character-key-0000000');
      const forged = stranger.encrypt({ referenceNumber: 'FAKE-1', transactionStatus: 'SUCCESS', amountDetails: { amount: 1000, currencyCode: 'USD' }, paid: true });
      const error = await failureOf(decode(forged));
      expect(error.code).toBe('INVALID_SIGNATURE');
    });

    it.each([
      ['text that is not a payload', 'hello, I am Pesepay'],
      ['base64 that is not ciphertext', Buffer.from('{"referenceNumber":"FAKE-1"}').toString('base64')],
    ])('refuses %s as INVALID_SIGNATURE', async (_, payload) => {
      expect((await failureOf(decode(payload))).code).toBe('INVALID_SIGNATURE');
    });

    it('refuses our key around something that is not a transaction as INVALID_SIGNATURE', async () => {
      expect((await failureOf(decode(live.encrypt({ hello: 'world' })))).code).toBe('INVALID_SIGNATURE');
      expect((await failureOf(decode(live.encrypt(['FAKE-1'])))).code).toBe('INVALID_SIGNATURE');
      const cipher = createCipheriv('aes-256-cbc', Buffer.from(LIVE.encryptionKey), Buffer.from(LIVE.encryptionKey.slice(0, 16)));
      const notJson = Buffer.concat([cipher.update('referenceNumber=FAKE-1'), cipher.final()]).toString('base64');
      expect((await failureOf(decode(notJson))).code).toBe('INVALID_SIGNATURE');
    });

    it('refuses an empty payload by contract', async () => {
      expect((await failureOf(decode(''))).code).toBe('VALIDATION_FAILED');
    });
  });
});
