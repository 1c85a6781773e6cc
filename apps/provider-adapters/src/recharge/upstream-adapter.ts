import type { DispatchOutcome, DispatchRequest, QueryDispatchRequest, UpstreamId } from '@airtime/contracts';

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
}

/** Nest injection token for the list of registered adapters. */
export const UPSTREAM_ADAPTERS = Symbol('UPSTREAM_ADAPTERS');
