import { Injectable, Logger } from '@nestjs/common';
import { API_KEY_MODES, type ApiKeyMode, type DispatchOutcome, type DispatchRequest, type QueryDispatchRequest } from '@airtime/contracts';
import { formatMinor, parseMinor } from '@airtime/money';
import { ESTORESMS_MAX_NAIRA, ESTORESMS_MIN_NAIRA, ESTORESMS_PIN_MESSAGE_LIMIT, estoresmsHash, isEstoresmsNetwork } from '@airtime/upstreams';
import { confirmedByQuery } from '../../callback-confirmation.js';
import { outcome } from '../../outcomes.js';
import type { CallbackContext, CallbackTranslation, SentDispatch, UpstreamAdapter, UpstreamCallbacks, UpstreamFloat } from '../../upstream-adapter.js';
import { upstreamHttp } from '../../upstream-http.js';
import { meaningOfStatus, outcomeOfStatus, readGenerateAnswer, readQueryAnswer } from './estoresms-mapping.js';
import { EstoresmsConfig } from './estoresms.config.js';

/** N50 to N50,000 per PIN (the document's P006 and P013), in kobo. */
const ESTORESMS_MIN_MINOR = BigInt(ESTORESMS_MIN_NAIRA * 100);
const ESTORESMS_MAX_MINOR = BigInt(ESTORESMS_MAX_NAIRA * 100);

/** The balance call answers naira as plain text, e.g. `9999951.00`. */
const NAIRA_TEXT = /^(\d{1,15})(?:\.(\d{1,2}))?$/;

/**
 * eStoreSMS Airtime PIN API v2: Nigerian voucher PINs (MTN, Airtel, Glo, 9mobile) and airtime topped
 * up to the phone sent with the request (its api_query records are `"category":"airtime"` with a
 * `phone` and a `topup_amount`), paid from our eStoreSMS wallet. Our reference is the request's `ref`, so api_query by ref finds what became of any
 * send; the per-request `callback` brings status changes. Credentials, hashes and PINs are never logged.
 */
@Injectable()
export class EstoresmsAdapter implements UpstreamAdapter, UpstreamCallbacks {
  readonly id = 'estoresms' as const;
  readonly resolvesUnknownBy =
    'POST api_query by ref (our reference, hashed as sha512(token+email+username+ref)): Approved, Pending, Failed, Awaiting Confirmation, Cancelled, Reversed, or "No record found" when it never arrived';

  private readonly logger = new Logger(EstoresmsAdapter.name);

  constructor(private readonly config: EstoresmsConfig) {}

  async send(request: DispatchRequest): Promise<DispatchOutcome> {
    const refused = this.refusal(request);
    if (refused) return refused;
    const endpoint = this.config.endpoint(request.mode);
    const body = {
      username: endpoint.username,
      ref: request.reference,
      hash: estoresmsHash(endpoint.token, endpoint.email, endpoint.username, request.reference),
      callback: this.config.ESTORESMS_CALLBACK_URL,
      pinAmount: nairaOf(parseMinor(request.amount_minor)),
      pinMessage: (request.message?.trim() || this.config.ESTORESMS_PIN_MESSAGE).slice(0, ESTORESMS_PIN_MESSAGE_LIMIT),
      network: request.network.toLowerCase(),
      // Not in the document's sample (a PIN is not sent to a phone), but its P003/P007/P008 are about one.
      phone: request.target,
    };
    const timeoutMs = this.config.ESTORESMS_TIMEOUT_MS;
    const answer = await upstreamHttp(`${endpoint.baseUrl}/network_processing/v/2`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      timeoutMs,
    });
    const result = forKind(request.kind, readGenerateAnswer(request.reference, answer, timeoutMs));
    this.record('generate', endpoint.mode, result);
    return result;
  }

  async query(request: QueryDispatchRequest): Promise<DispatchOutcome> {
    const endpoint = this.config.endpoint(request.mode);
    const timeoutMs = this.config.ESTORESMS_TIMEOUT_MS;
    const answer = await upstreamHttp(`${endpoint.baseUrl}/api_query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ username: endpoint.username, hash: estoresmsHash(endpoint.token, endpoint.email, endpoint.username, request.reference), ref: request.reference }),
      timeoutMs,
    });
    const result = forKind(request.original?.kind, readQueryAnswer(request.reference, request.provider_ref ?? null, answer, timeoutMs));
    this.record('query', endpoint.mode, result);
    return result;
  }

  /**
   * Our wallet, from the documented balance call (`smsapi.php?username=&password=&balance=true`, the
   * account's password, not the API token). The document shows no answer: read as naira in plain text,
   * as the simulator answers; anything else (`Authentication failed`, …) is an error with a short
   * reason. The URL carries the password, so it is neither logged nor put in an error.
   */
  async float(mode: ApiKeyMode): Promise<UpstreamFloat> {
    const endpoint = this.config.endpoint(mode);
    const query = new URLSearchParams({ username: endpoint.username, password: endpoint.password, balance: 'true' });
    const answer = await upstreamHttp(`${endpoint.baseUrl}/smsapi.php?${query}`, { method: 'GET', headers: { accept: 'text/plain' }, timeoutMs: this.config.ESTORESMS_TIMEOUT_MS });
    if (answer.kind === 'timeout') throw new Error('balance call timed out');
    if (answer.kind === 'unreachable') throw new Error('balance call unreachable');
    if (answer.status !== 200) throw new Error(`balance call answered HTTP ${answer.status}`);
    const text = answer.text.trim();
    const naira = NAIRA_TEXT.exec(text);
    if (!naira) throw new Error(`balance call answered ${JSON.stringify(text.slice(0, 40))}`);
    return { currency: 'NGN', amount_minor: String(BigInt(naira[1] as string) * 100n + BigInt(((naira[2] ?? '') + '00').slice(0, 2))) };
  }

  /**
   * eStoreSMS POSTs `transaction_id`, `reference` and `status` to our callback URL when a status
   * changes; nothing signs it. It must name a dispatch of ours (and its transaction_id, once known),
   * and then only api_query (authenticated by our hash, on our own connection) decides what happened
   * (confirmedByQuery): a posted status moves nothing by itself.
   */
  async callback(kind: string, body: unknown, context: CallbackContext): Promise<CallbackTranslation> {
    if (kind !== 'status') return { reply: { status: 404, body: { message: `eStoreSMS has no ${kind.slice(0, 30)} callback` } }, refused: { reason: 'malformed' } };
    const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const transactionId = field(fields['transaction_id']);
    const reference = field(fields['reference']);
    const status = field(fields['status']);
    if (!transactionId || !reference || !status) {
      return { reply: { status: 400, body: { message: 'transaction_id, reference and status are required' } }, refused: { reason: 'malformed' } };
    }
    const sent = await context.findSent({ reference });
    if (!sent) return { reply: { status: 404, body: { message: 'No such transaction' } }, refused: { reason: 'unknown-transaction' } };
    if (sent.provider_ref && sent.provider_ref !== transactionId) {
      return { reply: { status: 400, body: { message: 'transaction_id does not match the reference' } }, refused: { reason: 'does-not-match-dispatch', reference } };
    }
    if (meaningOfStatus(status).status === 'unknown') {
      this.logger.warn({ msg: 'eStoreSMS callback with a status it does not document; left to the reconciler', reference });
      return { reply: { status: 200, body: { response: 'OK' } } };
    }
    const mode = modeOf(sent);
    const confirm = () => {
      // Asking the other mode's account would find nothing, or another's transaction.
      if (!mode) throw new Error('the dispatch has no recorded mode');
      return this.query({ reference, upstream: 'estoresms', mode, provider_ref: transactionId });
    };
    const translation = await confirmedByQuery(outcomeOfStatus(reference, transactionId, status), confirm, {
      ok: { status: 200, body: { response: 'OK' } },
      retry: { status: 503, body: { message: 'Temporarily unable to process; please retry' } },
    });
    if (translation.outcome) this.record('callback', mode, translation.outcome);
    return translation;
  }

  /** What eStoreSMS cannot sell is refused here, before anything is sent: a certain failure. */
  private refusal(request: DispatchRequest): DispatchOutcome | null {
    const { reference } = request;
    if (request.kind !== 'voucher' && request.kind !== 'airtime') {
      return outcome.failed(reference, 'NOT_SUPPORTED', null, `eStoreSMS sells airtime PINs (voucher) and airtime, not ${request.kind}; nothing was sent`);
    }
    if (request.currency !== 'NGN') return outcome.failed(reference, 'NOT_SUPPORTED', null, `eStoreSMS sells in NGN, not ${request.currency}; nothing was sent`);
    if (!isEstoresmsNetwork(request.network.toLowerCase())) {
      return outcome.failed(reference, 'NOT_SUPPORTED', null, `eStoreSMS does not sell ${request.network}; nothing was sent`);
    }
    const minor = parseMinor(request.amount_minor);
    if (minor < ESTORESMS_MIN_MINOR || minor > ESTORESMS_MAX_MINOR) {
      return outcome.failed(reference, 'AMOUNT_OUT_OF_RANGE', null, `eStoreSMS sells from N50 to N50,000, not N${formatMinor(minor, 'NGN')}; nothing was sent`);
    }
    return null;
  }

  private record(operation: string, mode: ApiKeyMode | null, result: DispatchOutcome): void {
    this.logger.log({ msg: `eStoreSMS ${operation}`, mode, reference: result.reference, status: result.status, upstream_code: result.upstream_code, provider_ref: result.provider_ref });
  }
}

/**
 * An airtime order tops the phone up: what eStoreSMS answers is the same (it may carry a PIN), but a
 * PIN, serial or dial string is never handed to an airtime customer. A query that does not say what was
 * sold (no `original`) is left as read: its records carry no PIN in the document.
 */
function forKind(kind: DispatchRequest['kind'] | undefined, result: DispatchOutcome): DispatchOutcome {
  if (kind !== 'airtime' || result.status !== 'success') return result;
  return { ...result, pin: null, serial: null, ussd: null };
}

/** Naira as the document writes them: `"50"`, or `"50.50"` when there are kobo. */
export function nairaOf(minor: bigint): string {
  return formatMinor(minor, 'NGN').replace(/\.00$/, '');
}

function field(value: unknown): string | null {
  if (Array.isArray(value)) return null;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The mode the dispatch was sent in (recorded with it), so the confirming query asks the same account. */
function modeOf(sent: SentDispatch): ApiKeyMode | null {
  const mode = (sent as SentDispatch & { mode?: unknown }).mode;
  return (API_KEY_MODES as readonly unknown[]).includes(mode) ? (mode as ApiKeyMode) : null;
}
