import { Injectable, Logger } from '@nestjs/common';
import type { ApiKeyMode, DispatchOutcome, DispatchRequest, QueryDispatchRequest } from '@airtime/contracts';
import { outcome } from '../../outcomes.js';
import { SentDispatches } from '../../sent-dispatches.js';
import type { SentDispatch, UpstreamAdapter } from '../../upstream-adapter.js';
import { upstreamHttp } from '../../upstream-http.js';
import { type OmegaPhase, readRechargeAnswer, REAUTHENTICATE, unauthorizedAfterRelogin } from './omega-mapping.js';
import { OmegaSessions } from './omega-sessions.js';
import { OmegaConfig, type OmegaEndpoint } from './omega.config.js';

/** The body of 000 §5's POST /api/v1/recharges/airtime. */
export interface OmegaRechargeBody {
  /** International format, as 000 requires: +263771234567. */
  phone: string;
  /** Integer, in cents (the currency's smallest unit): our minor units as they are. */
  amount: number;
  currency: string;
  /** Our dispatch reference; Omega uses it for idempotency. */
  reference: string;
}

/**
 * Omega (000, Zimbabwe): airtime only, paid from our wallet at Omega. Logs in with its PIN for a JWT,
 * kept until shortly before it expires and renewed once when a recharge is answered 401. 000 has no
 * query endpoint and no callback; its references "are used for idempotency", so an unknown is resolved
 * by sending the very same request again, which Omega answers with the original transaction.
 */
@Injectable()
export class OmegaAdapter implements UpstreamAdapter {
  readonly id = 'omega' as const;
  readonly resolvesUnknownBy =
    'replaying the same POST /api/v1/recharges/airtime with the same reference (000 has no query endpoint; references are used for idempotency, so Omega answers with the original transaction and delivers nothing twice)';

  private readonly logger = new Logger(OmegaAdapter.name);
  private readonly sessions: OmegaSessions;
  /** Per mode, worked out once: the configuration does not change while the process runs. */
  private readonly endpoints = new Map<ApiKeyMode, OmegaEndpoint>();

  constructor(
    private readonly config: OmegaConfig,
    private readonly sent: SentDispatches,
  ) {
    this.sessions = new OmegaSessions(config.OMEGA_TIMEOUT_MS, config.OMEGA_TOKEN_REFRESH_SECONDS * 1000);
  }

  async send(request: DispatchRequest): Promise<DispatchOutcome> {
    // 000 documents airtime only: a data bundle (or anything else) is not sent as airtime.
    if (request.kind !== 'airtime') {
      return outcome.failed(request.reference, 'NOT_SUPPORTED', null, `Omega sells airtime only; a ${request.kind} product cannot be sent through it (nothing was sent)`);
    }
    const amount = Number(request.amount_minor);
    if (!Number.isSafeInteger(amount) || amount <= 0) {
      return outcome.failed(request.reference, 'AMOUNT_OUT_OF_RANGE', null, 'The amount cannot be sent to Omega as an integer number of cents (nothing was sent)');
    }
    return this.recharge(request.mode, { phone: `+${request.target}`, amount, currency: request.currency, reference: request.reference }, 'send');
  }

  async query(request: QueryDispatchRequest): Promise<DispatchOutcome> {
    const sent = await this.sent.find('omega', { reference: request.reference });
    // Without what was sent there is nothing to replay. Dispatches are recorded before they go out, so
    // this one most likely never went, but that is not certain enough to refund on: it stays unknown.
    if (!sent) return outcome.unknown(request.reference, 'No record of sending this reference to Omega; nothing to replay');
    // Our own answer to the send was `failed`, which is only ever given when nothing was delivered (Omega
    // refused it, or it was never sent, e.g. a data bundle). Replaying could deliver airtime now.
    if ((sent as SentDispatch & { status?: string }).status === 'failed') {
      return outcome.failed(request.reference, 'UPSTREAM_REJECTED', null, 'Omega refused this recharge, or it was not sent to Omega; nothing was delivered', sent.provider_ref);
    }
    const amount = Number(sent.amount_minor);
    const body = { phone: `+${sent.target}`, amount, currency: sent.currency, reference: request.reference };
    return this.recharge(request.mode, body, 'replay');
  }

  private async recharge(mode: ApiKeyMode, body: OmegaRechargeBody, phase: OmegaPhase): Promise<DispatchOutcome> {
    let endpoint = this.endpoints.get(mode);
    if (!endpoint) this.endpoints.set(mode, (endpoint = this.config.endpoint(mode)));
    for (let attempt = 1; ; attempt++) {
      const login = await this.sessions.token(endpoint);
      if (!login.ok) {
        this.logger.warn(`Omega PIN authentication failed (${mode}): ${login.message}`);
        // No recharge request left: on a send nothing can have been delivered. A replay learns nothing.
        return phase === 'send'
          ? outcome.failed(body.reference, 'UPSTREAM_UNAVAILABLE', login.upstreamCode, `${login.message}; nothing was sent`)
          : outcome.unknown(body.reference, `${login.message}; could not replay`, null, login.upstreamCode);
      }
      const answer = await upstreamHttp(`${endpoint.baseUrl}/api/v1/recharges/airtime`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${login.token.token}` },
        body: JSON.stringify(body),
        timeoutMs: this.config.OMEGA_TIMEOUT_MS,
      });
      const result = readRechargeAnswer(body.reference, answer, phase);
      if (result !== REAUTHENTICATE) return result;
      // 401: the token expired early or was revoked. Nothing was processed; log in again, once.
      this.sessions.invalidate(endpoint, login.token.token);
      if (attempt === 2) return unauthorizedAfterRelogin(body.reference, phase);
    }
  }
}
