/** The services that answer on NATS; each is its own queue group and its own database schema. */
export const SERVICE_NAMES = ['identity', 'wallet', 'orders', 'provider-adapters', 'notifications'] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];
