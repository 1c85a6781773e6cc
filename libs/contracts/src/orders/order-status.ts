/**
 * 001's order statuses as a client sees them. `pending` covers everything before an outcome;
 * `reversed` is a success its upstream later reversed, refunded once.
 */
export const ORDER_STATUSES = ['pending', 'success', 'failed', 'refunded', 'unknown', 'reversed'] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];
