import { Inject, Injectable } from '@nestjs/common';
import jwt, { type JwtPayload } from 'jsonwebtoken';
import { createSecretKey, type KeyObject, randomBytes, randomInt } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { normalizePhone } from '@airtime/phone';
import { simulatorTiming, type SimulatorTiming } from '../simulator-timing.js';
import { TestNumberOverrides } from '../test-number-overrides.js';
import { OMEGA_MESSAGES as M, type OmegaAnswer, omegaError, omegaUnauthorized } from './omega-answer.js';
import { OMEGA_SIM_SETTINGS, type OmegaSimSettings } from './omega-settings.js';

/** What the simulator remembers of one reference (for idempotency, and for tests to look at). */
export interface OmegaTransactionView {
  reference: string;
  transaction_id: string;
  phone: string;
  amount: number;
  currency: string;
  state: 'processing' | 'delivered' | 'failed';
  /** How many times airtime reached the phone: never more than 1, however often the reference is sent. */
  deliveries: number;
  /** How many recharge requests carried this reference. */
  requests: number;
  created_at: string;
}

interface OmegaTransaction extends OmegaTransactionView {
  /** What every later request with the same reference is answered (000: references give idempotency). */
  settled: Promise<OmegaAnswer>;
}

/** The simulator's single account and its user (ids from 000's onboarding sample). */
const ACCOUNT_ID = '019886e5-01c3-70ff-87db-bbfbc642a29a';
const USER_ID = '019886e5-01c3-70ff-87db-000000000001';
const E164 = /^\+[1-9]\d{7,14}$/;
const CURRENCY = /^[A-Z]{3}$/;
/** Verified tokens remembered at most (each login issues one); past this the memory starts again. */
const VERIFIED_TOKENS = 1000;

/**
 * The simulated Omega: PIN authentication issuing JWTs, the current user, and single airtime recharges
 * that honour references (a repeated reference gets the original transaction and never delivers
 * twice). Test numbers follow docs/simulators.md; see recharge() for how Omega, which has no pending
 * state and no callback, plays each one.
 */
@Injectable()
export class OmegaSimulatorService {
  private readonly timing: SimulatorTiming = simulatorTiming();
  private readonly transactions = new Map<string, OmegaTransaction>();
  private window = { startedAt: 0, count: 0 };
  private nextTransaction = randomInt(10_000, 90_000) * 1000;
  private authentications = 0;
  /**
   * The signing key as a KeyObject, made once per secret: given a string, jsonwebtoken first tries
   * to parse it as a PEM public key (which throws) on every verify, the most of this simulator's CPU.
   * Remade when revokeTokens() changes the secret.
   */
  private key: { secret: string; object: KeyObject } | null = null;
  /**
   * Tokens whose signature already passed under the current key, with their `exp`: a client sends the
   * same token on every recharge, and the HMAC need not be checked again. Emptied with a new secret.
   */
  private readonly verified = new LRUCache<string, number>({ max: VERIFIED_TOKENS });

  constructor(
    @Inject(OMEGA_SIM_SETTINGS) private readonly settings: OmegaSimSettings,
    @Inject(TestNumberOverrides) private readonly behaviours: TestNumberOverrides,
  ) {}

  /** POST /auth/pin-authentication */
  authenticate(body: unknown): OmegaAnswer {
    const { phone, pin } = (isObject(body) ? body : {}) as Record<string, unknown>;
    const problems: string[] = [];
    if (phone === undefined || phone === null || phone === '') problems.push('phone is required');
    else if (typeof phone !== 'string' || normalizePhone(phone) === null) problems.push(M.invalidPhone);
    if (pin === undefined || pin === null || pin === '') problems.push('pin is required');
    else if (typeof pin !== 'string') problems.push('pin must be a string');
    if (problems.length > 0) return omegaError(400, problems.join('; '));
    if (normalizePhone(phone as string) !== this.settings.phone || pin !== this.settings.pin) return omegaUnauthorized(M.invalidCredentials);
    this.authentications++;

    const expiresAt = Math.floor(Date.now() / 1000) + this.settings.tokenTtlSeconds;
    const token = jwt.sign({ sub: USER_ID, phone: `+${this.settings.phone}`, account_id: ACCOUNT_ID, exp: expiresAt }, this.signingKey(), { algorithm: 'HS256' });
    return {
      status: 200,
      body: { status: 'success', message: M.authenticated, data: { token, expires_at: new Date(expiresAt * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') } },
    };
  }

  /** The bearer token's user, or the 401 to answer. */
  verify(authorization: string | undefined): OmegaAnswer | null {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return omegaUnauthorized(M.unauthenticated);
    const key = this.signingKey();
    const expiresAt = this.verified.get(token);
    if (expiresAt !== undefined) {
      // Checked as jsonwebtoken does: expired once the current second reaches `exp`.
      if (Math.floor(Date.now() / 1000) < expiresAt) return null;
      this.verified.delete(token);
      return omegaUnauthorized(M.unauthenticated);
    }
    try {
      const payload = jwt.verify(token, key, { algorithms: ['HS256'] }) as JwtPayload;
      if (typeof payload.exp === 'number' && payload.nbf === undefined) {
        this.verified.set(token, payload.exp);
      }
      return null;
    } catch {
      return omegaUnauthorized(M.unauthenticated);
    }
  }

  /** GET /auth/user */
  currentUser(): OmegaAnswer {
    return {
      status: 200,
      body: {
        status: 'success',
        message: M.userRetrieved,
        data: { id: USER_ID, email: 'omega-sim@example.com', phone: `+${this.settings.phone}`, account_id: ACCOUNT_ID },
      },
    };
  }

  /** The rate limit's answer when this request is over it; otherwise counts it and answers null. */
  throttle(): { refused: OmegaAnswer | null; headers: Record<string, string> } {
    const { rateLimit, rateLimitWindowSeconds } = this.settings;
    if (rateLimit === 0) return { refused: null, headers: {} };
    const now = Date.now();
    if (now - this.window.startedAt >= rateLimitWindowSeconds * 1000) this.window = { startedAt: now, count: 0 };
    const resetIn = Math.max(1, Math.ceil((this.window.startedAt + rateLimitWindowSeconds * 1000 - now) / 1000));
    if (this.window.count >= rateLimit) {
      return {
        refused: omegaError(429, M.tooManyRequests),
        headers: { 'X-RateLimit-Limit': String(rateLimit), 'X-RateLimit-Remaining': '0', 'Retry-After': String(resetIn) },
      };
    }
    this.window.count++;
    return { refused: null, headers: { 'X-RateLimit-Limit': String(rateLimit), 'X-RateLimit-Remaining': String(rateLimit - this.window.count) } };
  }

  /**
   * POST /api/v1/recharges/airtime, after authentication and the rate limit. Validation comes first
   * (000: "System validates phone number format before processing"); then a reference already seen
   * is answered with its original transaction; then the wallet, then the test-number behaviour:
   *
   * - 0001: 400, "Invalid phone number" (000's "Invalid Phone Number" scenario); nothing recorded.
   * - 0002: 422 "Insufficient funds", as 000 shows; nothing recorded.
   * - 0003 / 0004: answered only after SIM_SLOW_ANSWER_MS (the adapter has given up by then); 0003 is
   *   delivered (200), 0004 is not (422 "Recharge failed"). A replay meanwhile waits for that answer.
   * - 0005 / 0006: Omega has no pending state and no callback, so the answer is held for
   *   SIM_CALLBACK_DELAY_MS (well inside an adapter's timeout) and is then final: 200 delivered, or 422
   *   "Recharge failed".
   * - 0007: 500 and nothing delivered; the transaction is recorded as failed, so a replay gets 422
   *   "Recharge failed".
   * - 0008: delivered, but the first answer is a 200 without `data`; a replay gets the documented 200.
   */
  async recharge(body: unknown): Promise<OmegaAnswer> {
    const request = (isObject(body) ? body : {}) as Record<string, unknown>;
    const problems = validateRecharge(request);
    if (problems.length > 0) return omegaError(400, problems.join('; '));
    const phone = request['phone'] as string;
    const amount = request['amount'] as number;
    const currency = request['currency'] as string;
    const reference = request['reference'] as string;

    const known = this.transactions.get(reference);
    if (known) {
      known.requests++;
      return known.settled;
    }
    if (!this.settings.currencies.has(currency)) return omegaError(422, M.walletNotFound);

    const behaviour = this.behaviours.of(phone);
    if (behaviour === 'reject') return omegaError(400, M.invalidPhone);
    if (behaviour === 'insufficient-balance') return omegaError(422, M.insufficientFunds);

    const transaction = this.record({ reference, phone, amount, currency });
    const deliver = (): OmegaAnswer => {
      transaction.state = 'delivered';
      transaction.deliveries = 1;
      return this.success(transaction);
    };
    const fail = (): OmegaAnswer => {
      transaction.state = 'failed';
      return omegaError(422, M.rechargeFailed);
    };
    switch (behaviour) {
      case 'timeout-then-success':
        return (transaction.settled = sleep(this.timing.slowAnswerMs).then(deliver));
      case 'timeout-then-failure':
        return (transaction.settled = sleep(this.timing.slowAnswerMs).then(fail));
      case 'pending-then-success':
        return (transaction.settled = sleep(this.timing.callbackDelayMs).then(deliver));
      case 'pending-then-failure':
        return (transaction.settled = sleep(this.timing.callbackDelayMs).then(fail));
      case 'server-error':
        transaction.settled = Promise.resolve(fail());
        return omegaError(500, M.serverError);
      case 'garbage':
        transaction.settled = Promise.resolve(deliver());
        return { status: 200, body: { status: 'success', message: M.rechargeSucceeded } };
      default:
        return (transaction.settled = Promise.resolve(deliver()));
    }
  }

  /** For tests and people: what the simulator did, newest first, optionally for one reference. */
  list(reference?: string): OmegaTransactionView[] {
    const all = [...this.transactions.values()].reverse();
    return all.filter((t) => reference === undefined || t.reference === reference).map(({ settled: _settled, ...view }) => view);
  }

  /** For tests and people: successful PIN authentications so far (how often a client logged in). */
  stats(): { authentications: number; transactions: number } {
    return { authentications: this.authentications, transactions: this.transactions.size };
  }

  /** For tests and people: every token issued so far stops working, as when Omega revokes sessions. */
  revokeTokens(): void {
    this.settings.jwtSecret = randomBytes(32).toString('hex');
  }

  private signingKey(): KeyObject {
    const secret = this.settings.jwtSecret;
    if (this.key?.secret !== secret) {
      this.key = { secret, object: createSecretKey(Buffer.from(secret)) };
      this.verified.clear();
    }
    return this.key.object;
  }

  private success(transaction: OmegaTransaction): OmegaAnswer {
    return {
      status: 200,
      body: {
        status: 'success',
        message: M.rechargeSucceeded,
        data: { transaction_id: transaction.transaction_id, reference: transaction.reference, phone: transaction.phone },
      },
    };
  }

  private record(request: { reference: string; phone: string; amount: number; currency: string }): OmegaTransaction {
    const transaction: OmegaTransaction = {
      ...request,
      transaction_id: `txn-${++this.nextTransaction}`,
      state: 'processing',
      deliveries: 0,
      requests: 1,
      created_at: new Date().toISOString(),
      settled: Promise.resolve(omegaError(500, M.serverError)),
    };
    this.transactions.set(request.reference, transaction);
    // A long-running simulator must not grow without bound; finished transactions go first.
    for (const [reference, old] of this.transactions) {
      if (this.transactions.size <= this.settings.keepTransactions) break;
      if (old.state !== 'processing') this.transactions.delete(reference);
    }
    return transaction;
  }
}

/** 000's "Request Validation" for a single recharge, as 400 messages. */
function validateRecharge(request: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const { phone, amount, currency, reference } = request;
  if (phone === undefined || phone === null || phone === '') problems.push('phone is required');
  else if (typeof phone !== 'string' || !E164.test(phone)) problems.push(M.invalidPhone);
  if (amount === undefined || amount === null) problems.push('amount is required');
  else if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) problems.push('amount must be a positive integer amount in cents');
  if (currency === undefined || currency === null || currency === '') problems.push('currency is required');
  else if (typeof currency !== 'string' || !CURRENCY.test(currency)) problems.push('currency must be a currency code such as USD or ZWL');
  if (reference === undefined || reference === null || reference === '') problems.push('reference is required');
  else if (typeof reference !== 'string' || reference.length > 100) problems.push('reference must be a string of at most 100 characters');
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
