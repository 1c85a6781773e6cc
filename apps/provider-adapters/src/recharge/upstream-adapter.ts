import type { ApiKeyMode, DispatchOutcome, DispatchRequest, QueryDispatchRequest, UpstreamId } from '@airtime/contracts';
import type { CallbackRefusal } from './refused-callbacks.js';

/**
 * One upstream provider behind the platform's single interface. An adapter must never answer
 * `failed` where the upstream may have delivered: timeouts, connection errors, 5xx and answers it
 * cannot parse are `unknown`, for the reconciler to resolve with `query`.
 */
export interface UpstreamAdapter {
  readonly id: UpstreamId;
  /** How this upstream lets an unknown be resolved (its query endpoint, a replay, a callback). */
  readonly resolvesUnknownBy: string;
  send(request: DispatchRequest): Promise<DispatchOutcome>;
  query(request: QueryDispatchRequest): Promise<DispatchOutcome>;
  /** Upstreams that call back implement this too (see UpstreamCallbacks). */
  callback?: UpstreamCallbacks['callback'];
  /**
   * For an upstream with no status query to confirm a callback by: the secrets its callback URL must
   * carry (`?token=`), per mode, checked before `callback()` is called. A callback with the sandbox's
   * secret may only settle test dispatches. Upstreams with a query leave it out.
   */
  readonly callbackSecrets?: Record<ApiKeyMode, string>;
  /**
   * Our float with the upstream in a mode's account, for upstreams with a balance call (eStoreSMS).
   * Throws (with a short reason, never a credential) when it cannot be read.
   */
  float?(mode: ApiKeyMode): Promise<UpstreamFloat>;
}

/** Money we hold with an upstream, as it reports it. */
export interface UpstreamFloat {
  currency: string;
  amount_minor: string;
}

/** A dispatch as the platform recorded it before sending, for callbacks to be checked against. */
export interface SentDispatch {
  reference: string;
  upstream: UpstreamId;
  provider_ref: string | null;
  target: string;
  currency: string;
  amount_minor: string;
  /** The mode it was sent in, so that a confirming query asks the same account. */
  mode?: ApiKeyMode;
}

export interface CallbackContext {
  headers: Record<string, string>;
  sourceIp?: string;
  /** The modes whose callback secret the URL carried (only for upstreams with callbackSecrets). */
  authenticatedModes?: ApiKeyMode[];
  /** Finds what we sent, by our reference or by the upstream's transaction id. */
  findSent(by: { reference?: string; providerRef?: string }): Promise<SentDispatch | null>;
}

/** What an upstream's callback means for an order, and what to answer the upstream. */
export interface CallbackTranslation {
  /** Present when the callback reports an order's outcome (absent for e.g. a validation request). */
  outcome?: DispatchOutcome;
  reply: { status: number; body: unknown };
  /** Set when the callback's own claim was not taken: logged and counted per upstream and reason. */
  refused?: { reason: CallbackRefusal; reference?: string | null; claimed?: string | null; queried?: string | null };
}

export interface UpstreamCallbacks {
  /** `kind` names the callback when an upstream has several (Africa's Talking: validation, status). */
  callback(kind: string, body: unknown, context: CallbackContext): Promise<CallbackTranslation>;
}

/** Nest injection token for the list of registered adapters. */
export const UPSTREAM_ADAPTERS = Symbol('UPSTREAM_ADAPTERS');
