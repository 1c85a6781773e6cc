import type { OrderView } from './order.view.js';

/**
 * Published to JetStream on every change of an order's status, on
 * `<prefix>orders.events.<account_id>.<status>`; `id` is stable, so a consumer can drop duplicates.
 */
export interface OrderEvent {
  id: string;
  type: 'order.status_changed';
  occurred_at: string;
  order: OrderView;
}
