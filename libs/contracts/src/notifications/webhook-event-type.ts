/** The events a webhook endpoint can ask for: an order reaching an outcome, and top-up results. */
export const WEBHOOK_EVENT_TYPES = ['order.success', 'order.failed', 'order.refunded', 'order.unknown', 'order.reversed', 'topup.paid', 'topup.failed'] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
