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
