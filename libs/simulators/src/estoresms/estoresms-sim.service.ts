import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import {
  ESTORESMS_MAX_NAIRA,
  ESTORESMS_MIN_NAIRA,
  ESTORESMS_NETWORK_NAMES,
  ESTORESMS_PIN_MESSAGE_LIMIT,
  ESTORESMS_RESPONSE_CODES,
  ESTORESMS_USSD_CODES,
  type EstoresmsErrorCode,
  type EstoresmsNetwork,
  type EstoresmsStatus,
  estoresmsHash,
  isEstoresmsNetwork,
  localNigerianMobile,
  networkOfMobile,
} from '@airtime/upstreams';
import { CallbackSender, type SentCallback } from '../callbacks/callback-sender.js';
import type { TestNumberBehaviour } from '../test-number-behaviour.js';
import { TestNumberOverrides } from '../test-number-overrides.js';
import type { EstoresmsSimSettings } from './estoresms-sim-settings.js';

/**
 * eStoreSMS POSTs `transaction_id`, `reference` and `status` to the request's `callback` URL when a
 * transaction's status changes. The document shows them as PHP's `$_POST` (`[transaction_id] => …`),
 * which is what a form-encoded POST fills, so that is how they are sent.
 */
export interface EstoresmsCallbackFields {
  transaction_id: string;
  reference: string;
  status: EstoresmsStatus;
}

export type SentEstoresmsCallback = SentCallback<EstoresmsCallbackFields>;

/** Injection token of the simulator's settings (read from the environment when the module starts). */
export const ESTORESMS_SIM_SETTINGS = Symbol('ESTORESMS_SIM_SETTINGS');

/** Transactions kept in memory; the oldest are forgotten beyond this. */
const KEEP = 100_000;
/** What the account pays per naira of PIN (the document's sample: N50 charged N49). */
const CHARGE_PERCENT = 98n;

/** What the controller sends back: a JSON body, or text (balance, and the deliberately broken answers). */
export type EstoresmsSimAnswer =
  | { kind: 'json'; status: number; body: unknown }
  | { kind: 'text'; status: number; contentType: string; body: string };

/** A generated PIN as the simulated eStoreSMS keeps it. */
export interface SimulatedEstoresmsTransaction {
  transaction_id: string;
  ref: string;
  network: EstoresmsNetwork;
  /** The phone sent with the request (local form), if any. */
  phone: string | null;
  amount_kobo: bigint;
  charged_kobo: bigint;
  serial: string;
  pin: string;
  ussd: string;
  pin_message: string;
  status: EstoresmsStatus;
  /** Whether the account was charged (and not given the money back since). */
  charged: boolean;
  callback: string | null;
  date: string;
}

type Fields = Record<string, unknown>;

/**
 * The simulated eStoreSMS Airtime PIN API: one account (from the environment), its wallet and its
 * transactions in memory. Test numbers (docs/simulators.md) are read from the request's optional
 * `phone`, or from the `ref` when no phone is sent (the document's request has no phone: the PIN is
 * generated, not sent to anyone). A request with a phone is also how an airtime top-up arrives (the
 * adapter's reading: api_query's records are `"category":"airtime"` with that phone); it is taken and
 * answered the same way, and the adapter drops the PIN for an airtime order. Overrides set through
 * `/estoresms/sim/behaviours/:target` come before the test-number table.
 */
@Injectable()
export class EstoresmsSimService implements OnModuleDestroy {
  private readonly transactions = new Map<string, SimulatedEstoresmsTransaction>();
  private readonly byRef = new Map<string, string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private balanceKobo: bigint;
  private nextSerial = 375_919;
  readonly callbacks = new CallbackSender<EstoresmsCallbackFields>('EstoresmsSimulator');

  constructor(
    @Inject(ESTORESMS_SIM_SETTINGS) private readonly settings: EstoresmsSimSettings,
    @Inject(TestNumberOverrides) private readonly behaviours: TestNumberOverrides,
  ) {
    this.balanceKobo = BigInt(settings.balanceKobo);
  }

  onModuleDestroy(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** POST /network_processing/v/2: generate a PIN. */
  async generate(body: unknown): Promise<EstoresmsSimAnswer> {
    const fields = fieldsOf(body);
    const username = text(fields['username']);
    const ref = text(fields['ref']);
    const hash = text(fields['hash']);
    if (!username || !ref || !hash) return failure('P000');
    if (!this.authentic(username, hash, ref)) return failure('P001');
    if (!this.settings.tokenEnabled) return failure('P010');

    // A ref already used answers what became of it: nothing is generated or charged twice.
    const earlier = this.byRefOf(ref);
    if (earlier) return this.generatedAnswer(earlier);

    const amount = text(fields['pinAmount']);
    if (!amount) return failure('P004');
    if (!NUMERIC.test(amount)) return failure('P005');
    const amountKobo = koboOf(amount);
    if (amountKobo < BigInt(ESTORESMS_MIN_NAIRA * 100)) return failure('P006');
    if (amountKobo > BigInt(ESTORESMS_MAX_NAIRA * 100)) return failure('P013');

    let phone: string | null = null;
    if (fields['phone'] !== undefined && fields['phone'] !== null) {
      const sent = text(fields['phone']);
      if (!sent) return failure('P003');
      phone = localNigerianMobile(sent);
      if (!phone) return failure('P007');
    }
    const networkSent = text(fields['network'])?.toLowerCase();
    if (networkSent !== undefined && !isEstoresmsNetwork(networkSent)) return failure('P002');
    const phoneNetwork = phone ? networkOfMobile(phone) : null;
    if (networkSent && phoneNetwork && networkSent !== phoneNetwork) return failure('P008');
    const network = networkSent ?? phoneNetwork;
    if (!network) return failure('P002');

    const behaviour: TestNumberBehaviour = this.behaviours.of(phone ?? ref);
    if (behaviour === 'reject') return failure('P007');
    if (behaviour === 'insufficient-balance') return failure('P009');
    if (behaviour === 'server-error') return { kind: 'text', status: 500, contentType: 'text/html', body: '<h1>500 Internal Server Error</h1>' };

    const chargedKobo = (amountKobo * CHARGE_PERCENT + 50n) / 100n;
    if (chargedKobo > this.balanceKobo) return failure('P009');

    const pending = behaviour === 'pending-then-success' || behaviour === 'pending-then-failure';
    const transaction = this.create({
      ref,
      network,
      phone,
      amountKobo,
      chargedKobo,
      pinMessage: (text(fields['pinMessage']) ?? '').slice(0, ESTORESMS_PIN_MESSAGE_LIMIT),
      callback: text(fields['callback']) ?? null,
      status: behaviour === 'timeout-then-failure' ? 'Failed' : pending ? 'Pending' : 'Approved',
    });

    if (pending) {
      this.later(this.settings.callbackDelayMs, () => this.changeStatus(transaction, behaviour === 'pending-then-success' ? 'Approved' : 'Failed'));
    }
    if (behaviour === 'timeout-then-success' || behaviour === 'timeout-then-failure') await this.sleep(this.settings.slowAnswerMs);
    if (behaviour === 'garbage') {
      return { kind: 'text', status: 200, contentType: 'text/html; charset=utf-8', body: '<html><body>Your request is being processed</body></html>' };
    }
    return this.generatedAnswer(transaction);
  }

  /** POST /api_query: by transaction_id (when sent) or ref; the hash is over that identifier. */
  query(body: unknown): EstoresmsSimAnswer {
    const fields = fieldsOf(body);
    const username = text(fields['username']);
    const hash = text(fields['hash']);
    const transactionId = text(fields['transaction_id']);
    const ref = text(fields['ref']);
    const identifier = transactionId ?? ref;
    if (!username || !hash || !identifier) return failure('P000');
    if (!this.authentic(username, hash, identifier)) return failure('P001');
    if (!this.settings.tokenEnabled) return failure('P010');
    const found = transactionId ? this.transactions.get(transactionId) : this.byRefOf(ref as string);
    if (!found || (transactionId && ref && found.ref !== ref)) {
      return { kind: 'json', status: 200, body: { response: 'FAIL', message: 'No record found' } };
    }
    return { kind: 'json', status: 200, body: [recordOf(found)] };
  }

  /** GET /smsapi.php?username=&password=&balance=true: the wallet's balance, in naira, as text. */
  balance(query: Fields): EstoresmsSimAnswer {
    const username = text(query['username']);
    const password = text(query['password']);
    if (!username || !password || text(query['balance']) !== 'true') return plain(ESTORESMS_RESPONSE_CODES.P000);
    if (!(same(username, this.settings.username) && same(password, this.settings.password))) return plain(ESTORESMS_RESPONSE_CODES.P001);
    return plain(naira(this.balanceKobo));
  }

  /** Sets the wallet by hand (simulator-only control route), e.g. to exhaust it and get P009. */
  setBalance(kobo: bigint): void {
    this.balanceKobo = kobo;
  }

  get(transactionId: string): SimulatedEstoresmsTransaction | undefined {
    return this.transactions.get(transactionId);
  }

  /**
   * A status change (a pending PIN settling, or one set by hand through the simulator's own route):
   * the money follows it, and the request's callback URL, if it gave one, is told.
   */
  async changeStatus(transaction: SimulatedEstoresmsTransaction, status: EstoresmsStatus): Promise<void> {
    if (transaction.status === status) return;
    transaction.status = status;
    const keepsMoney = status === 'Approved' || status === 'Pending' || status === 'Awaiting Confirmation';
    if (keepsMoney && !transaction.charged) {
      this.balanceKobo -= transaction.charged_kobo;
      transaction.charged = true;
    } else if (!keepsMoney && transaction.charged) {
      this.balanceKobo += transaction.charged_kobo;
      transaction.charged = false;
    }
    if (transaction.callback) {
      const fields = { transaction_id: transaction.transaction_id, reference: transaction.ref, status };
      await this.callbacks.deliver(transaction.callback, { form: { ...fields } }, fields);
    }
  }

  private create(input: {
    ref: string;
    network: EstoresmsNetwork;
    phone: string | null;
    amountKobo: bigint;
    chargedKobo: bigint;
    pinMessage: string;
    callback: string | null;
    status: EstoresmsStatus;
  }): SimulatedEstoresmsTransaction {
    const pin = String(randomInt(1, 10)) + Array.from({ length: 12 }, () => String(randomInt(0, 10))).join('');
    const charged = input.status !== 'Failed';
    const transaction: SimulatedEstoresmsTransaction = {
      transaction_id: this.newTransactionId(),
      ref: input.ref,
      network: input.network,
      phone: input.phone,
      amount_kobo: input.amountKobo,
      charged_kobo: input.chargedKobo,
      serial: String(this.nextSerial++),
      pin,
      ussd: `*${ESTORESMS_USSD_CODES[input.network]}*${pin}#`,
      pin_message: input.pinMessage,
      status: input.status,
      charged,
      callback: input.callback,
      date: lagosDate(new Date()),
    };
    if (charged) this.balanceKobo -= input.chargedKobo;
    this.transactions.set(transaction.transaction_id, transaction);
    this.byRef.set(transaction.ref, transaction.transaction_id);
    if (this.transactions.size > KEEP) {
      const [oldestId, oldest] = this.transactions.entries().next().value as [string, SimulatedEstoresmsTransaction];
      this.transactions.delete(oldestId);
      if (this.byRef.get(oldest.ref) === oldestId) this.byRef.delete(oldest.ref);
    }
    return transaction;
  }

  /**
   * SAMPLE RESPONSE 1 for a PIN that exists; while it is not yet issued (pending) its pin, serial and
   * USSD are empty; one that failed answers P011.
   */
  private generatedAnswer(transaction: SimulatedEstoresmsTransaction): EstoresmsSimAnswer {
    if (transaction.status === 'Failed' || transaction.status === 'Cancelled' || transaction.status === 'Reversed') return failure('P011');
    const issued = transaction.status === 'Approved';
    return {
      kind: 'json',
      status: 200,
      body: {
        response: 'OK',
        ref: transaction.ref,
        transaction_id: transaction.transaction_id,
        serial: issued ? transaction.serial : '',
        pin: issued ? transaction.pin : '',
        USSD: issued ? transaction.ussd : '',
        amount: Number(naira(transaction.amount_kobo)),
        amount_charged: Number(naira(transaction.charged_kobo)),
      },
    };
  }

  byRefOf(ref: string): SimulatedEstoresmsTransaction | undefined {
    const id = this.byRef.get(ref);
    return id === undefined ? undefined : this.transactions.get(id);
  }

  private authentic(username: string, hash: string, identifier: string): boolean {
    const { token, email } = this.settings;
    return same(username, this.settings.username) && same(hash.toLowerCase(), estoresmsHash(token, email, this.settings.username, identifier));
  }

  /** Like PHP's uniqid() behind the document's `api_5d2597bc3c287`: 13 hex digits. */
  private newTransactionId(): string {
    for (;;) {
      const seconds = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0');
      const id = `api_${seconds}${randomBytes(3).toString('hex').slice(0, 5)}`;
      if (!this.transactions.has(id)) return id;
    }
  }

  private later(ms: number, action: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void action();
    }, ms);
    this.timers.add(timer);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}

/** The document's SAMPLE RESPONSE 2 of api_query: one record per transaction, every value a string. */
function recordOf(t: SimulatedEstoresmsTransaction): Record<string, string> {
  return {
    transaction_id: t.transaction_id,
    ref: t.ref,
    category: 'airtime',
    network: ESTORESMS_NETWORK_NAMES[t.network],
    phone: t.phone ? `+234${t.phone.slice(1)}` : '',
    status: t.status,
    date: t.date,
    topup_currency: 'NGN',
    topup_amount: wholeOrDecimal(t.amount_kobo),
    price: wholeOrDecimal(t.amount_kobo),
    amount_charged: wholeOrDecimal(t.charged_kobo),
  };
}

/** Errors are array-shaped, as the document's SAMPLE RESPONSE 2 of generate. */
function failure(code: EstoresmsErrorCode): EstoresmsSimAnswer {
  return { kind: 'json', status: 200, body: [{ response: code, message: ESTORESMS_RESPONSE_CODES[code] }] };
}

function plain(body: string): EstoresmsSimAnswer {
  return { kind: 'text', status: 200, contentType: 'text/plain; charset=utf-8', body };
}

/** PHP's is_numeric for what can reach here: a plain decimal, optionally signed. */
const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function koboOf(amount: string): bigint {
  const negative = amount.startsWith('-');
  const [whole = '', fraction = ''] = amount.replace(/^[+-]/, '').split('.');
  const kobo = BigInt(whole || '0') * 100n + BigInt((fraction + '00').slice(0, 2));
  return negative ? -kobo : kobo;
}

function naira(kobo: bigint): string {
  const sign = kobo < 0n ? '-' : '';
  const abs = kobo < 0n ? -kobo : kobo;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

function wholeOrDecimal(kobo: bigint): string {
  return naira(kobo).replace(/\.00$/, '');
}

function fieldsOf(body: unknown): Fields {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Fields) : {};
}

/** A field as text: strings trimmed, numbers written out; anything else (or blank) is absent. */
function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Compared through a digest so that the time taken says nothing about where they differ. */
function same(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** `2018-03-23 16:32:47`, in Lagos time (UTC+1, no daylight saving), as the document's records. */
function lagosDate(date: Date): string {
  return new Date(date.getTime() + 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}
