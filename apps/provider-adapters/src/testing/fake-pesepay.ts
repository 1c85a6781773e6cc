import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decryptPesepayPayload, encryptPesepayPayload } from '../pesepay/pesepay-cipher.js';

/** A request as the fake received it, its payload decrypted with the fake's key. */
export interface FakePesepayRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  raw: string;
  decrypted: unknown;
}

/** What the next request gets instead of Pesepay's normal answer. */
export type FakePesepayMisbehaviour =
  | { kind: 'status'; status: number; body: string }
  | { kind: 'encrypted'; value: unknown }
  | { kind: 'hang' }
  | { kind: 'drop' };

interface FakePayment {
  referenceNumber: string;
  transactionStatus: string;
  amountDetails: { amount: number; currencyCode: string };
  merchantReference: string;
}

/**
 * A small Pesepay for the adapter's tests, speaking the protocol as Pesepay documents it (not the
 * simulator app's code, which an app may not import): encrypted bodies, the integration key as
 * `authorization`, `{message}` errors. Misbehaviours are queued per test.
 */
export class FakePesepay {
  readonly requests: FakePesepayRequest[] = [];
  private readonly payments = new Map<string, FakePayment>();
  private readonly misbehaviours: FakePesepayMisbehaviour[] = [];
  private server: Server;
  private counter = 0;
  url = '';

  constructor(
    private readonly integrationKey: string,
    private readonly encryptionKey: string,
  ) {}

  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/payments-engine`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** The next request is answered this way; several queue up in order. */
  misbehave(misbehaviour: FakePesepayMisbehaviour): void {
    this.misbehaviours.push(misbehaviour);
  }

  setStatus(referenceNumber: string, transactionStatus: string): void {
    const payment = this.payments.get(referenceNumber);
    if (!payment) throw new Error(`fake Pesepay has no payment ${referenceNumber}`);
    payment.transactionStatus = transactionStatus;
  }

  encrypt(value: unknown): string {
    return encryptPesepayPayload(value, this.encryptionKey);
  }

  transaction(referenceNumber: string) {
    const payment = this.payments.get(referenceNumber);
    if (!payment) throw new Error(`fake Pesepay has no payment ${referenceNumber}`);
    return { ...payment, paid: payment.transactionStatus === 'SUCCESS' };
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of request) raw += (chunk as Buffer).toString('utf8');
    const payload = parsePayload(raw);
    this.requests.push({
      method: request.method ?? '',
      path: request.url ?? '',
      authorization: request.headers.authorization,
      contentType: request.headers['content-type'],
      raw,
      decrypted: typeof payload === 'string' ? decryptPesepayPayload(payload, this.encryptionKey) : undefined,
    });

    const misbehaviour = this.misbehaviours.shift();
    if (misbehaviour?.kind === 'hang') return; // never answered; stop() cuts it
    if (misbehaviour?.kind === 'drop') return void request.socket.destroy();
    if (misbehaviour?.kind === 'status') return void response.writeHead(misbehaviour.status, { 'content-type': 'application/json' }).end(misbehaviour.body);
    if (misbehaviour?.kind === 'encrypted') return this.answer(response, 200, { payload: this.encrypt(misbehaviour.value) });

    if (request.headers.authorization !== this.integrationKey) return this.answer(response, 401, { message: 'Invalid integration key' });
    const url = new URL(request.url ?? '/', 'http://fake');
    if (request.method === 'POST' && url.pathname === '/api/payments-engine/v1/payments/initiate') {
      const body = this.requests.at(-1)?.decrypted as Omit<FakePayment, 'referenceNumber' | 'transactionStatus'> | undefined;
      if (!body) return this.answer(response, 400, { message: 'The payload could not be decrypted' });
      const payment: FakePayment = {
        referenceNumber: `FAKE-${++this.counter}`,
        transactionStatus: 'PENDING',
        amountDetails: body.amountDetails,
        merchantReference: body.merchantReference,
      };
      this.payments.set(payment.referenceNumber, payment);
      return this.answer(response, 200, {
        payload: this.encrypt({
          ...payment,
          pollUrl: `${this.url}/v1/payments/check-payment?referenceNumber=${payment.referenceNumber}`,
          redirectUrl: `${this.url.replace('/api/payments-engine', '')}/pay/${payment.referenceNumber}`,
        }),
      });
    }
    if (request.method === 'GET' && url.pathname === '/api/payments-engine/v1/payments/check-payment') {
      const reference = url.searchParams.get('referenceNumber') ?? '';
      if (!this.payments.has(reference)) return this.answer(response, 404, { message: `No payment ${reference}` });
      return this.answer(response, 200, { payload: this.encrypt(this.transaction(reference)) });
    }
    return this.answer(response, 404, { message: 'Not found' });
  }

  private answer(response: ServerResponse, status: number, body: object): void {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}

function parsePayload(raw: string): unknown {
  try {
    return raw ? (JSON.parse(raw) as { payload?: unknown }).payload : undefined;
  } catch {
    return undefined;
  }
}
