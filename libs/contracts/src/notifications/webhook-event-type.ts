/** The events a webhook endpoint can ask for: an order reaching an outcome, top-up results, and a bulk batch whose every row is final. */
export const WEBHOOK_EVENT_TYPES = ['order.success', 'order.failed', 'order.refunded', 'order.unknown', 'order.reversed', 'topup.paid', 'topup.failed', 'batch.completed'] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
