import { subject } from './subject.js';

/**
 * The JetStream event subjects and streams. Request-reply subjects are definitions in `Rpc` (with
 * their payload and answer types); events read `<service>.events.<account>.<type>`.
 */
export const Subjects = {
  wallet: {
    /** JetStream subjects of wallet events: `wallet.events.<account>.<type>`. */
    events: (accountId = '*', type = '*') => subject(`wallet.events.${accountId}.${type}`),
    eventsStream: () => `${(process.env['NATS_SUBJECT_PREFIX'] ?? '').replace(/[^A-Za-z0-9_-]/g, '_')}WALLET`,
  },
  orders: {
    /** JetStream subjects of order events: `orders.events.<account>.<status>`. */
    events: (accountId = '*', status = '*') => subject(`orders.events.${accountId}.${status}`),
    eventsStream: () => `${(process.env['NATS_SUBJECT_PREFIX'] ?? '').replace(/[^A-Za-z0-9_-]/g, '_')}ORDERS`,
  },
} as const;
