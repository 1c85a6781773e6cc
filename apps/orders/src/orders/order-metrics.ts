import type { Counter } from 'prom-client';
import { counter, LabelledChildren } from '@airtime/platform';
import type { InternalOrderStatus, OrderRow } from './order-row.js';

/**
 * Orders entering each status, by upstream and mode: `rate(...{status="succeeded"})` is delivered
 * orders per second, and failed, unknown or reversed ones against it are the error ratios per upstream.
 * Counted once the database row has changed (the transition committed), by the process that changed it.
 */
const transitions = counter('order_transitions_total', 'Orders entering a status (created, debited, dispatching, succeeded, failed, unknown, ...), by upstream and mode', ['status', 'upstream', 'mode']);
const children = new LabelledChildren<Counter.Internal>((status, upstream, mode) => transitions.labels(status, upstream, mode), 64);

export function countTransition(order: Pick<OrderRow, 'upstream' | 'mode'>, status: InternalOrderStatus): void {
  children.get(status, order.upstream, order.mode).inc();
}

/** Orders moved to another upstream after one had certainly not delivered, by both upstreams and why. */
const failovers = counter('order_failovers_total', 'Orders sent on to the next upstream of their route after one certainly did not deliver, by from, to and error code', ['from', 'to', 'error_code', 'mode']);

/** Every label is bounded: upstream ids, modes and the failover codes (FAILOVER_CODES). */
export function countFailover(order: Pick<OrderRow, 'upstream' | 'mode'>, to: string, errorCode: string): void {
  failovers.labels(order.upstream, to, errorCode, order.mode).inc();
}
