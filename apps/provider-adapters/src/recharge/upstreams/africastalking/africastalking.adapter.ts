import { Injectable } from '@nestjs/common';
import { formatMinor } from '@airtime/money';
import type { ApiKeyMode, DispatchOutcome, DispatchRequest, QueryDispatchRequest } from '@airtime/contracts';
import { outcome } from '../../outcomes.js';
import type { CallbackContext, CallbackTranslation, UpstreamAdapter } from '../../upstream-adapter.js';
import { upstreamHttp } from '../../upstream-http.js';
import { AfricasTalkingConfig } from './africastalking.config.js';
import { africasTalkingOutcome } from './africastalking-status.js';

interface AtAnswer {
  response?: { responses?: { status?: string; requestId?: string; errorMessage?: string }[] };
}

/**
 * Airtime in the countries Africa's Talking serves, through the airtime service of seed 002: the number
 * in international digits (254… Kenya, 256… Uganda, 234… Nigeria, …) and the amount in the currency the
 * order names (seed 002's examples are KES, USD and UGX; Nigerian airtime goes in NGN), sent as it is:
 * Africa's Talking refuses a currency or a number it does not serve (NotSupported, InvalidRequest),
 * which is a certain failure. Seed 002 documents no
 * status query: its idempotency key only "prevents duplicate transactions", and nothing says a replay
 * answers the transaction's current status (our simulator does, the document does not). So a status
 * callback cannot be confirmed by asking; it is authenticated instead by the callback secret in its
 * URL (checked by CallbacksController before `callback()`), and must name a transaction we sent, to
 * the number we sent it to. Seed 002 publishes no source addresses to check.
 */
@Injectable()
export class AfricasTalkingAdapter implements UpstreamAdapter {
  readonly id = 'africastalking' as const;
  readonly resolvesUnknownBy =
    "replaying the send with the same idempotencyKey (the order's reference), which Africa's Talking answers with the original transaction instead of sending again; and its status callback";

  constructor(private readonly config: AfricasTalkingConfig) {}

  get callbackSecrets(): Record<ApiKeyMode, string> {
    return this.config.callbackSecrets();
  }

  async send(request: DispatchRequest): Promise<DispatchOutcome> {
    if (request.kind !== 'airtime') return outcome.failed(request.reference, 'NOT_SUPPORTED', null, "Africa's Talking sells airtime only");
    const { baseUrl, apiKey } = this.config.endpoint(request.mode);
    const query = new URLSearchParams({
      // Seed 002: the number without the + prefix, e.g. 254711XXXYYY.
      phone: request.target,
      amount: formatMinor(BigInt(request.amount_minor), request.currency),
      currency: request.currency,
      idempotencyKey: request.reference,
    });
    const answer = await upstreamHttp(`${baseUrl}/airtime/invoke-send-airtime?${query}`, {
      method: 'GET',
      headers: { apiKey, accept: 'application/json' },
      timeoutMs: this.config.AFRICASTALKING_TIMEOUT_MS,
    });
    if (answer.kind === 'timeout') return outcome.unknown(request.reference, "Africa's Talking did not answer in time");
    if (answer.kind === 'unreachable') return outcome.unknown(request.reference, `Africa's Talking unreachable: ${answer.message}`);
    // 400 is the wrapper refusing the request itself (missing phone, bad amount): nothing was sent.
    if (answer.status === 400) return outcome.failed(request.reference, 'UPSTREAM_REJECTED', '400', (answer.json as { error?: string })?.error ?? 'Bad request');
    if (answer.status === 401) return outcome.failed(request.reference, 'UPSTREAM_UNAVAILABLE', '401', "Africa's Talking refused our API key; nothing was sent");
    const recipient = (answer.json as AtAnswer | undefined)?.response?.responses?.[0];
    if (answer.status !== 200 || !recipient?.status) {
      return outcome.unknown(request.reference, `Africa's Talking answered ${answer.status} without a recipient status`, null, String(answer.status));
    }
    return africasTalkingOutcome(request.reference, recipient.status, recipient.requestId ?? null, recipient.errorMessage ?? recipient.status);
  }

  /** A replay of the same idempotency key returns the transaction as it stands now. */
  async query(request: QueryDispatchRequest): Promise<DispatchOutcome> {
    if (!request.original) return outcome.unknown(request.reference, 'the original request is needed to replay it');
    return this.send(request.original);
  }

  async callback(kind: string, body: unknown, context: CallbackContext): Promise<CallbackTranslation> {
    const fields = (body ?? {}) as Record<string, unknown>;
    if (kind === 'validation') {
      const missing = ['transactionId', 'phoneNumber', 'sourceIpAddress', 'currencyCode', 'amount'].filter((f) => fields[f] === undefined);
      if (missing.length) return { reply: { status: 400, body: { error: `Missing required fields: ${missing.join(', ')}` } } };
      const sent = await context.findSent({ providerRef: String(fields['transactionId']) });
      const ours = sent !== null
        && sent.target === String(fields['phoneNumber']).replace(/^\+/, '')
        && sent.currency === fields['currencyCode']
        && Number(formatMinor(BigInt(sent.amount_minor), sent.currency)) === Number(fields['amount']);
      return { reply: { status: 200, body: { status: ours ? 'Validated' : 'Failed' } } };
    }
    const missing = ['phoneNumber', 'status', 'requestId'].filter((f) => fields[f] === undefined);
    if (missing.length) return { reply: { status: 400, body: { error: `Missing required fields: ${missing.join(', ')}` } } };
    const sent = await context.findSent({ providerRef: String(fields['requestId']) });
    if (!sent) return { reply: { status: 200, body: 'OK' }, refused: { reason: 'unknown-transaction', claimed: String(fields['status']) } };
    const modeAllowed = !context.authenticatedModes || (sent.mode !== undefined && context.authenticatedModes.includes(sent.mode));
    if (!modeAllowed || sent.target !== String(fields['phoneNumber']).replace(/^\+/, '')) {
      return { reply: { status: 200, body: 'OK' }, refused: { reason: 'does-not-match-dispatch', reference: sent.reference, claimed: String(fields['status']) } };
    }
    return {
      outcome: africasTalkingOutcome(sent.reference, String(fields['status']), String(fields['requestId']), String(fields['description'] ?? fields['status'])),
      reply: { status: 200, body: 'OK' },
    };
  }
}
