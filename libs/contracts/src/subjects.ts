import type { ServiceName } from './service-name.js';
import { subject } from './subject.js';

/**
 * The request-reply subjects between the gateway and the services. Names read
 * `<service>.<resource>.<verb>`; events (later issues) live under `<service>.events.*`.
 */
export const Subjects = {
  health: (service: ServiceName) => subject(`${service}.health`),
  identity: {
    createAccount: subject('identity.accounts.create'),
    getAccount: subject('identity.accounts.get'),
    authenticateWithPin: subject('identity.auth.pin'),
    resetPin: subject('identity.auth.pin-reset'),
    getUser: subject('identity.users.get'),
    verifySession: subject('identity.sessions.verify'),
    createApiKey: subject('identity.api-keys.create'),
    listApiKeys: subject('identity.api-keys.list'),
    revokeApiKey: subject('identity.api-keys.revoke'),
    verifyApiKey: subject('identity.api-keys.verify'),
  },
  wallet: {
    debit: subject('wallet.transfers.debit'),
    refund: subject('wallet.transfers.refund'),
    credit: subject('wallet.transfers.credit'),
    wallets: subject('wallet.wallets.list'),
    ledger: subject('wallet.ledger.list'),
    statement: subject('wallet.ledger.statement'),
    createTopUp: subject('wallet.topups.create'),
    getTopUp: subject('wallet.topups.get'),
    topUpCallback: subject('wallet.topups.callback'),
    /** JetStream subjects of wallet events: `wallet.events.<account>.<type>`. */
    events: (accountId = '*', type = '*') => subject(`wallet.events.${accountId}.${type}`),
    eventsStream: () => `${(process.env['NATS_SUBJECT_PREFIX'] ?? '').replace(/[^A-Za-z0-9_-]/g, '_')}WALLET`,
  },
  orders: {
    listProducts: subject('orders.products.list'),
    upsertProduct: subject('orders.products.upsert'),
    listAttention: subject('orders.orders.attention'),
    create: subject('orders.orders.create'),
    get: subject('orders.orders.get'),
    list: subject('orders.orders.list'),
    applyOutcome: subject('orders.orders.apply-outcome'),
    createBatch: subject('orders.batches.create'),
    getBatch: subject('orders.batches.get'),
    /** JetStream subjects of order events: `orders.events.<account>.<status>`. */
    events: (accountId = '*', status = '*') => subject(`orders.events.${accountId}.${status}`),
    eventsStream: () => `${(process.env['NATS_SUBJECT_PREFIX'] ?? '').replace(/[^A-Za-z0-9_-]/g, '_')}ORDERS`,
  },
  notifications: {
    createEndpoint: subject('notifications.webhooks.create'),
    listEndpoints: subject('notifications.webhooks.list'),
    deleteEndpoint: subject('notifications.webhooks.delete'),
    rotateSecret: subject('notifications.webhooks.rotate-secret'),
    listDeliveries: subject('notifications.deliveries.list'),
    resend: subject('notifications.deliveries.resend'),
    sendSms: subject('notifications.sms.send'),
    listSms: subject('notifications.sms.list'),
  },
  providerAdapters: {
    dispatch: subject('provider-adapters.dispatch'),
    query: subject('provider-adapters.query'),
    callback: subject('provider-adapters.callback'),
    pesepayInitiate: subject('provider-adapters.pesepay.initiate'),
    pesepayCheck: subject('provider-adapters.pesepay.check'),
    pesepayDecodeCallback: subject('provider-adapters.pesepay.decode-callback'),
  },
} as const;
