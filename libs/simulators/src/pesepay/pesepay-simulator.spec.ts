import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decryptPesepayPayload, encryptPesepayPayload, type PesepayInitiatedPayment, type PesepayTransaction } from '@airtime/upstreams';
import { CallbackReceiver } from '../testing/callback-receiver.js';
import { type RunningPesepaySimulator, startPesepaySimulator } from '../testing/start-pesepay-simulator.js';
import type { SentPesepayCallback } from './pesepay-simulator.service.js';

const INTEGRATION_KEY = 'spec-integration-key';
const ENCRYPTION_KEY = 'spec-encryption-key-0123456789ab';

describe('the Pesepay simulator over HTTP', () => {
  let simulator: RunningPesepaySimulator;
  let sim: string;
  const receiver = new CallbackReceiver();
  let receiverUrl: string;

  beforeAll(async () => {
    simulator = await startPesepaySimulator({ integrationKey: INTEGRATION_KEY, encryptionKey: ENCRYPTION_KEY });
    sim = simulator.url;
    receiverUrl = await receiver.start();
  });

  afterAll(async () => {
    await simulator.stop();
    await receiver.stop();
  });

  const api = (path: string) => `${sim}/pesepay/api/payments-engine/v1/payments/${path}`;
  const encrypted = (value: unknown) => JSON.stringify({ payload: encryptPesepayPayload(value, ENCRYPTION_KEY) });
  const decrypted = async <T>(response: Response): Promise<T> => {
    const body = (await response.json()) as { payload: string };
    return decryptPesepayPayload(body.payload, ENCRYPTION_KEY) as T;
  };

  let merchantReferences = 0;
  const paymentRequest = (overrides: Record<string, unknown> = {}) => ({
    amountDetails: { amount: 10.5, currencyCode: 'USD' },
    reasonForPayment: 'Airtime wallet top-up',
    resultUrl: `${receiverUrl}/callbacks/pesepay`,
    returnUrl: `${receiverUrl}/callbacks/pesepay/return?reference=TU-1`,
    merchantReference: `TU-${++merchantReferences}`,
    ...overrides,
  });

  function post(path: string, body: string, authorization: string | null = INTEGRATION_KEY): Promise<Response> {
    return fetch(api(path), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization === null ? {} : { authorization }) },
      body,
    });
  }

  async function initiate(overrides: Record<string, unknown> = {}): Promise<PesepayInitiatedPayment> {
    const response = await post('initiate', encrypted(paymentRequest(overrides)));
    expect(response.status).toBe(200);
    return decrypted<PesepayInitiatedPayment>(response);
  }

  async function check(reference: string): Promise<PesepayTransaction> {
    const response = await fetch(api(`check-payment?referenceNumber=${encodeURIComponent(reference)}`), { headers: { authorization: INTEGRATION_KEY } });
    expect(response.status).toBe(200);
    return decrypted<PesepayTransaction>(response);
  }

  async function callbacksOf(reference: string): Promise<SentPesepayCallback[]> {
    const response = await fetch(`${sim}/pesepay/sim/callbacks?reference=${encodeURIComponent(reference)}`);
    expect(response.status).toBe(200);
    return (await response.json()) as SentPesepayCallback[];
  }

  describe('initiate', () => {
    it('takes an encrypted request and answers an encrypted pending payment with its pages', async () => {
      const request = paymentRequest();
      const response = await post('initiate', encrypted(request));
      expect(response.status).toBe(200);
      const raw = (await response.json()) as Record<string, unknown>;
      expect(Object.keys(raw)).toEqual(['payload']);
      const payment = decryptPesepayPayload(raw['payload'] as string, ENCRYPTION_KEY) as PesepayInitiatedPayment;
      expect(payment).toEqual({
        referenceNumber: expect.stringMatching(/^\d{17}-[0-9A-F]{8}$/),
        pollUrl: api(`check-payment?referenceNumber=${payment.referenceNumber}`),
        redirectUrl: `${sim}/pesepay/pay/${payment.referenceNumber}`,
        transactionStatus: 'PENDING',
        amountDetails: { amount: 10.5, currencyCode: 'USD' },
        merchantReference: request.merchantReference,
      });
    });

    it.each<[string, string | null]>([
      ['no authorization', null],
      ['another integration key', 'someone-elses-key'],
    ])('refuses %s with 401 and a plain message', async (_, authorization) => {
      const response = await post('initiate', encrypted(paymentRequest()), authorization);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: expect.stringMatching(/integration key/) });
    });

    it('refuses a payload encrypted under another key with 400', async () => {
      const body = JSON.stringify({ payload: encryptPesepayPayload(paymentRequest(), 'another-32-character-key-0000000') });
      const response = await post('initiate', body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ message: 'The payload could not be decrypted with the encryption key' });
    });

    it.each([
      ['a body that is not JSON', 'payload=abc'],
      ['a body without payload', JSON.stringify({ amountDetails: { amount: 1, currencyCode: 'USD' } })],
      ['a payload that is not base64 ciphertext', JSON.stringify({ payload: 'hello world' })],
      ['a payload that is not a JSON object', JSON.stringify({ payload: encryptPesepayPayload('just a string', ENCRYPTION_KEY) })],
    ])('refuses %s with 400', async (_, body) => {
      const response = await post('initiate', body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ message: expect.any(String) });
    });

    it('refuses invalid fields with 400, naming them', async () => {
      const response = await post(
        'initiate',
        encrypted(paymentRequest({ amountDetails: { amount: '10.50', currencyCode: 'usd' }, resultUrl: 'not a url', merchantReference: undefined })),
      );
      expect(response.status).toBe(400);
      const { message } = (await response.json()) as { message: string };
      expect(message).toContain('amount');
      expect(message).toContain('currencyCode');
      expect(message).toContain('resultUrl');
      expect(message).toContain('merchantReference is required');
    });

    it('answers an unknown path under /pesepay as Pesepay would, and leaves other paths to Nest', async () => {
      const pesepay = await fetch(api('no-such-thing'), { headers: { authorization: INTEGRATION_KEY } });
      expect(pesepay.status).toBe(404);
      expect(await pesepay.json()).toEqual({ message: expect.any(String) });
      const other = await fetch(`${sim}/no-such-thing`);
      expect(other.status).toBe(404);
      expect(await other.json()).toMatchObject({ statusCode: 404 });
    });

    it('refuses an amount with more than two decimals', async () => {
      const response = await post('initiate', encrypted(paymentRequest({ amountDetails: { amount: 1.005, currencyCode: 'USD' } })));
      expect(response.status).toBe(400);
    });
  });

  describe('check-payment', () => {
    it('answers the payment, encrypted, pending until paid', async () => {
      const payment = await initiate();
      expect(await check(payment.referenceNumber)).toEqual({
        referenceNumber: payment.referenceNumber,
        transactionStatus: 'PENDING',
        amountDetails: { amount: 10.5, currencyCode: 'USD' },
        merchantReference: payment.merchantReference,
        paid: false,
      });
    });

    it('answers 404 for a reference it never issued, and 401 without the key', async () => {
      const unknown = await fetch(api('check-payment?referenceNumber=nope'), { headers: { authorization: INTEGRATION_KEY } });
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toEqual({ message: expect.stringContaining('nope') });
      const payment = await initiate();
      const anonymous = await fetch(api(`check-payment?referenceNumber=${payment.referenceNumber}`));
      expect(anonymous.status).toBe(401);
    });

    it('answers 400 without a referenceNumber', async () => {
      const response = await fetch(api('check-payment'), { headers: { authorization: INTEGRATION_KEY } });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ message: 'referenceNumber is required' });
    });
  });

  describe('the payment page', () => {
    it('completes the payment as SUCCESS and sends the encrypted result to the resultUrl', async () => {
      const payment = await initiate();
      const page = await fetch(payment.redirectUrl);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toContain('Payment SUCCESS');

      const expected: PesepayTransaction = {
        referenceNumber: payment.referenceNumber,
        transactionStatus: 'SUCCESS',
        amountDetails: { amount: 10.5, currencyCode: 'USD' },
        merchantReference: payment.merchantReference,
        paid: true,
      };
      expect(await check(payment.referenceNumber)).toEqual(expected);

      const delivered = receiver.received
        .map((r) => ({ ...r, transaction: decryptPesepayPayload(JSON.parse(r.body).payload, ENCRYPTION_KEY) as PesepayTransaction }))
        .filter((r) => r.transaction.referenceNumber === payment.referenceNumber);
      expect(delivered).toHaveLength(1);
      expect(delivered[0]?.path).toBe('/callbacks/pesepay');
      expect(delivered[0]?.contentType).toBe('application/json');
      expect(Object.keys(JSON.parse(delivered[0]?.body ?? '{}'))).toEqual(['payload']);
      expect(delivered[0]?.transaction).toEqual(expected);

      const [sent, ...older] = await callbacksOf(payment.referenceNumber);
      expect(older).toEqual([]);
      expect(sent).toEqual({
        reference: payment.referenceNumber,
        url: `${receiverUrl}/callbacks/pesepay`,
        body: delivered[0]?.body,
        status_code: 200,
        error: null,
        sent_at: expect.any(String),
      });
    });

    it.each([
      ['declined', 'DECLINED'],
      ['cancelled', 'CANCELLED'],
      ['failed', 'FAILED'],
      ['timeout', 'TIME_OUT'],
    ])('ends the payment %s when asked, unpaid, and says so in the callback', async (outcome, status) => {
      const payment = await initiate();
      const page = await fetch(`${payment.redirectUrl}?outcome=${outcome}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`Payment ${status}`);
      expect(await check(payment.referenceNumber)).toMatchObject({ transactionStatus: status, paid: false });
      const [sent] = await callbacksOf(payment.referenceNumber);
      const transaction = decryptPesepayPayload(JSON.parse(sent?.body ?? '{}').payload, ENCRYPTION_KEY);
      expect(transaction).toMatchObject({ referenceNumber: payment.referenceNumber, transactionStatus: status, paid: false });
    });

    it('leaves the payment pending with ?outcome=pending, sending nothing, and completes it later', async () => {
      const payment = await initiate();
      const page = await fetch(`${payment.redirectUrl}?outcome=pending`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Payment PENDING');
      expect((await check(payment.referenceNumber)).transactionStatus).toBe('PENDING');
      expect(await callbacksOf(payment.referenceNumber)).toEqual([]);

      await fetch(payment.redirectUrl);
      expect((await check(payment.referenceNumber)).transactionStatus).toBe('SUCCESS');
      expect(await callbacksOf(payment.referenceNumber)).toHaveLength(1);
    });

    it('does not change a finished payment or send another callback when opened again', async () => {
      const payment = await initiate();
      await fetch(`${payment.redirectUrl}?outcome=declined`);
      const again = await fetch(`${payment.redirectUrl}?outcome=success`);
      expect(again.status).toBe(200);
      expect(await again.text()).toContain('Payment DECLINED');
      await Promise.all([fetch(payment.redirectUrl), fetch(payment.redirectUrl)]);
      expect((await check(payment.referenceNumber)).transactionStatus).toBe('DECLINED');
      expect(await callbacksOf(payment.referenceNumber)).toHaveLength(1);
    });

    it('sends one callback when the page is opened twice at once', async () => {
      const payment = await initiate();
      const pages = await Promise.all([fetch(payment.redirectUrl), fetch(payment.redirectUrl), fetch(payment.redirectUrl)]);
      expect(pages.map((p) => p.status)).toEqual([200, 200, 200]);
      expect(await callbacksOf(payment.referenceNumber)).toHaveLength(1);
    });

    it('sends the browser to the returnUrl with ?redirect=1', async () => {
      const payment = await initiate();
      const page = await fetch(`${payment.redirectUrl}?redirect=1`, { redirect: 'manual' });
      expect(page.status).toBe(302);
      expect(page.headers.get('location')).toBe(`${receiverUrl}/callbacks/pesepay/return?reference=TU-1`);
      expect((await check(payment.referenceNumber)).transactionStatus).toBe('SUCCESS');
    });

    it("records the receiver's failure and still shows the page", async () => {
      receiver.status = 500;
      try {
        const payment = await initiate();
        expect((await fetch(payment.redirectUrl)).status).toBe(200);
        expect(await callbacksOf(payment.referenceNumber)).toEqual([expect.objectContaining({ status_code: 500, error: null })]);
      } finally {
        receiver.status = 200;
      }
    });

    it('records an unreachable resultUrl and still shows the page', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));

      const payment = await initiate({ resultUrl: `http://127.0.0.1:${port}/callbacks/pesepay` });
      const page = await fetch(payment.redirectUrl);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Payment SUCCESS');
      expect(await callbacksOf(payment.referenceNumber)).toEqual([expect.objectContaining({ status_code: null, error: expect.any(String) })]);
    });

    it('answers 404 for an unknown payment and 400 for an unknown outcome', async () => {
      expect((await fetch(`${sim}/pesepay/pay/nope`)).status).toBe(404);
      const payment = await initiate();
      const response = await fetch(`${payment.redirectUrl}?outcome=maybe`);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ message: expect.stringContaining('outcome must be one of') });
      expect((await check(payment.referenceNumber)).transactionStatus).toBe('PENDING');
    });

    it('escapes what merchants sent when it shows it', async () => {
      const payment = await initiate({ reasonForPayment: '<script>alert(1)</script>' });
      const html = await (await fetch(payment.redirectUrl)).text();
      expect(html).not.toContain('<script>');
      expect(html).toContain('&#60;script&#62;');
    });
  });

  it('lists every callback sent, newest first, without a reference', async () => {
    const first = await initiate();
    const second = await initiate();
    await fetch(first.redirectUrl);
    await fetch(second.redirectUrl);
    const all = (await (await fetch(`${sim}/pesepay/sim/callbacks`)).json()) as SentPesepayCallback[];
    expect(all.slice(0, 2).map((c) => c.reference)).toEqual([second.referenceNumber, first.referenceNumber]);
  });
});
