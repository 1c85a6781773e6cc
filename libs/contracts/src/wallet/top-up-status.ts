export const TOP_UP_STATUSES = ['initiating', 'pending', 'paid', 'failed', 'cancelled', 'expired'] as const;

export type TopUpStatus = (typeof TOP_UP_STATUSES)[number];
