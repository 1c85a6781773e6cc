import type { ApiKeyMode, DispatchOutcome, UpstreamId } from '@airtime/contracts';
import type { Histogram } from 'prom-client';
import { histogram, LabelledChildren, scrapedGauge } from '@airtime/platform';
import type { CircuitBreaker } from './circuit-breaker.js';
import { PENDING } from './outcomes.js';

/**
 * Calls to each upstream, by operation (send, query) and outcome: success, failed (the upstream said
 * no), pending (accepted, not finished: healthy), unknown (timeout, 5xx, garbage: what opens the
 * circuit), circuit_open (refused here, nothing sent). Latency is the adapter's whole call, retries and
 * the status check after a timeout included.
 */
const calls = histogram('upstream_call_duration_seconds', 'Upstream calls by upstream, operation (send, query) and outcome (success, failed, pending, unknown, circuit_open)', ['upstream', 'operation', 'outcome']);
const children = new LabelledChildren<Histogram.Internal<'upstream' | 'operation' | 'outcome'>>((upstream, operation, result) => calls.labels(upstream, operation, result), 64);

/** 0 closed, 1 half-open (one trial call allowed), 2 open (nothing sent). */
const circuit = scrapedGauge('upstream_circuit_state', 'Circuit breaker per upstream and mode in this process: 0 closed, 1 half-open, 2 open', ['upstream', 'mode']);
const STATE_VALUE = { closed: 0, 'half-open': 1, open: 2 } as const;

export function outcomeLabel(result: DispatchOutcome): string {
  if (result.status === 'unknown') return result.upstream_code === PENDING ? 'pending' : 'unknown';
  return result.status;
}

export function observeUpstreamCall(upstream: UpstreamId, operation: 'send' | 'query', outcome: string, startedMs: number): void {
  children.get(upstream, operation, outcome).observe((performance.now() - startedMs) / 1000);
}

/** Reports the breakers' states on every scrape; the function returned stops it. */
export function watchCircuits(breakers: Map<`${UpstreamId}:${ApiKeyMode}`, CircuitBreaker>): () => void {
  return circuit.add((gauge) => {
    for (const [key, breaker] of breakers) {
      const [upstream, mode] = key.split(':');
      gauge.set({ upstream, mode }, STATE_VALUE[breaker.state]);
    }
  });
}
