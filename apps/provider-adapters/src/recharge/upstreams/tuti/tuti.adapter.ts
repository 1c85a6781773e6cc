import { Injectable } from '@nestjs/common';
import { formatMinor } from '@airtime/money';
import type { DispatchOutcome, DispatchRequest, QueryDispatchRequest } from '@airtime/contracts';
import { confirmedByQuery } from '../../callback-confirmation.js';
import { outcome } from '../../outcomes.js';
import type { CallbackContext, CallbackTranslation, UpstreamAdapter } from '../../upstream-adapter.js';
import { upstreamHttp } from '../../upstream-http.js';
import { tutiOutcome } from './tuti-answer.js';
import { TutiConfig } from './tuti.config.js';

const TYPES: Record<string, string> = { zain: 'Zain', mtn: 'MTN', sudani: 'Sudani' };

/** Sudanese airtime through Tuti Tech's queue (seed 004). */
@Injectable()
export class TutiAdapter implements UpstreamAdapter {
  readonly id = 'tuti' as const;
  readonly resolvesUnknownBy =
    "Tuti's transaction inquiry (GET /ext/airtime/transaction/{transaction_id}) and its webhook; a request that timed out before Tuti gave a transaction id cannot be looked up and is left for an operator";

  /** Spent today per phone and service (major units). Per adapter process: replicas each count their own. */
  private readonly spent = new Map<string, number>();

  constructor(private readonly config: TutiConfig) {}

  async send(request: DispatchRequest): Promise<DispatchOutcome> {
    const type = TYPES[request.network];
    if (request.kind !== 'airtime' || !type || request.currency !== 'SDG') {
      return outcome.failed(request.reference, 'NOT_SUPPORTED', null, 'Tuti sells Zain, MTN and Sudani airtime in SDG');
    }
    const amount = formatMinor(BigInt(request.amount_minor), request.currency);
    const day = `${new Date().toISOString().slice(0, 10)}:${type}:${request.target}`;
    const spent = this.spent.get(day) ?? 0;
    if (spent + Number(amount) > this.config.TUTI_DAILY_LIMIT) {
      return outcome.failed(request.reference, 'DAILY_LIMIT_EXCEEDED', null, `Tuti allows ${this.config.TUTI_DAILY_LIMIT} SDG per phone per day for ${type}`);
    }
    const { baseUrl, apiKey } = this.config.endpoint(request.mode);
    const answer = await upstreamHttp(`${baseUrl}/ext/airtime`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'API-KEY': apiKey },
      // Seed 004 shows the local form (0925343834) of a 249… number.
      body: JSON.stringify({ phone: `0${request.target.slice(3)}`, type, amount, customer_name: '', customer_email: '' }),
      timeoutMs: this.config.TUTI_TIMEOUT_MS,
    });
    const result = tutiOutcome(request.reference, answer);
    if (result.status !== 'failed') this.spent.set(day, spent + Number(amount));
    return result;
  }

  async query(request: QueryDispatchRequest): Promise<DispatchOutcome> {
    if (!request.provider_ref) return outcome.unknown(request.reference, 'Tuti gave no transaction id to inquire about');
    const { baseUrl, apiKey } = this.config.endpoint(request.mode);
    const answer = await upstreamHttp(`${baseUrl}/ext/airtime/transaction/${encodeURIComponent(request.provider_ref)}`, {
      method: 'GET',
      headers: { 'API-KEY': apiKey },
      timeoutMs: this.config.TUTI_TIMEOUT_MS,
    });
    const result = tutiOutcome(request.reference, answer);
    // "Transaction not found" for an id Tuti itself gave is not a refusal we can trust: keep asking.
    return result.upstream_code === 'transaction_not_found' ? outcome.unknown(request.reference, result.message ?? 'not found', request.provider_ref) : result;
  }

  /**
   * Tuti's completion webhook: the inquiry's body, for a transaction id we were given. Nothing signs
   * it, so its status is only a reason to ask: the inquiry decides (confirmedByQuery).
   */
  async callback(_kind: string, body: unknown, context: CallbackContext): Promise<CallbackTranslation> {
    const transactionId = (body as { transaction_id?: unknown })?.transaction_id;
    if (transactionId === undefined || transactionId === null || typeof transactionId === 'object') {
      return { reply: { status: 400, body: { result: 'error', message: 'transaction_id is required' } }, refused: { reason: 'malformed' } };
    }
    const sent = await context.findSent({ providerRef: String(transactionId) });
    if (!sent) return { reply: { status: 404, body: { result: 'error', message: 'Unknown transaction' } }, refused: { reason: 'unknown-transaction' } };
    const claimed = tutiOutcome(sent.reference, { kind: 'answer', status: 200, text: '', json: body });
    const mode = sent.mode;
    const inquire = () => {
      // Asking the other mode's Tuti would find nothing, or someone else's transaction.
      if (!mode) throw new Error('the dispatch has no recorded mode');
      return this.query({ reference: sent.reference, upstream: 'tuti', mode, provider_ref: String(transactionId) });
    };
    return confirmedByQuery(claimed, inquire, {
      ok: { status: 200, body: { result: 'ok' } },
      retry: { status: 503, body: { result: 'error', message: 'Temporarily unable to confirm this transaction; please retry' } },
    });
  }
}
