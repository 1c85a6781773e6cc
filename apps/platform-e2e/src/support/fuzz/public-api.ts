import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AuthenticateWithPinRequest,
  CampaignPayoutBody,
  CreateCampaignRequest,
  CreateAccountRequest,
  CreateOrderRequest,
  CreateWebhookEndpointRequest,
  ListLedgerRequest,
  ListProductsRequest,
  ResetPinRequest,
  TopUpCallbackRequest,
} from '@airtime/contracts';
import { fields } from './bad-input.js';
import { camelCase, contractFields, type FieldSpec } from './contract-fields.js';

/** Who calls: nobody, an API key, a logged-in user, or a platform operator. */
export type Caller = 'none' | 'key' | 'user' | 'operator';

/**
 * What only the running platform knows for a valid request: the fuzz tenant's account, and a phone
 * nobody has onboarded (so that even a sign-in a break wrongly let through meets no real user).
 */
export interface Known {
  accountId: string;
  freshPhone: string;
  /** Global ids of the tenant's own batch, webhook endpoint and campaign: a field under a node that exists is resolved, so its arguments are checked. */
  batchId: string;
  webhookEndpointId: string;
  campaignId: string;
}

export interface RestEndpoint {
  method: 'GET' | 'POST' | 'DELETE';
  /** As the controller declares it: `/api/v1/orders/:agentReference`. */
  route: string;
  caller: Caller;
  params?: Record<string, string>;
  query?: { fields: FieldSpec[]; valid: Record<string, string> };
  body?: { fields: FieldSpec[]; valid: (known: Known) => Record<string, unknown> };
  /** Upstream callbacks answer in the upstream's own terms and the payer's return page is HTML: only "no 5xx" holds. */
  answers?: 'ours' | 'theirs';
}

export interface GraphqlOperation {
  name: string;
  caller: Caller;
  document: string;
  /** Each variable with the fields of its input type (or the variable itself for a scalar). */
  variables: Record<string, { fields?: FieldSpec[]; scalar?: FieldSpec; valid: (known: Known) => unknown }>;
}

const omitted = ['account_id', 'mode', 'user_id'];
const gql = (type: abstract new () => object, omit: string[] = omitted) => contractFields(type, { omit, rename: camelCase });

const onboarding = (phone: string) => ({
  name: 'Fuzz Shop', type: 'company', level: 'superagent', contact_name: 'Fuzz', contact_email: 'fuzz@example.com', contact_phone: phone,
  address: '1 Fuzz Road', city: 'Harare', user_firstname: 'Fuzz', user_lastname: 'Tester', user_email: 'fuzz@example.com', user_phone: phone,
});
const camel = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [camelCase(k), v]));
const order = () => ({ product_id: 100, target: '0772279099', amount: 1, agent_reference: `fuzz-${Date.now()}-${Math.random().toString(36).slice(2)}` });
const mode = fields('mode?');
const anyUuid = '00000000-0000-4000-8000-000000000000';

/** Every public REST endpoint, with a valid request each case starts from (a spec below checks none is missing). */
export const REST_ENDPOINTS: RestEndpoint[] = [
  { method: 'POST', route: '/api/v1/onboarding/accounts', caller: 'none', body: { fields: contractFields(CreateAccountRequest), valid: (k) => onboarding(k.freshPhone) } },
  { method: 'POST', route: '/auth/pin-authentication', caller: 'none', body: { fields: contractFields(AuthenticateWithPinRequest), valid: (k) => ({ phone: k.freshPhone, pin: '0000' }) } },
  { method: 'POST', route: '/auth/pin-reset', caller: 'none', body: { fields: contractFields(ResetPinRequest), valid: (k) => ({ phone: k.freshPhone }) } },
  { method: 'GET', route: '/auth/user', caller: 'user' },
  { method: 'GET', route: '/api/v1/account', caller: 'key' },
  { method: 'GET', route: '/api/v1/products', caller: 'key', query: { fields: contractFields(ListProductsRequest), valid: { country: 'ZW' } } },
  {
    method: 'POST', route: '/api/v1/orders', caller: 'key',
    // 001 sends the amount as a JSON number; the contract holds it as the decimal text it becomes.
    body: { fields: contractFields(CreateOrderRequest, { omit: omitted }).map((f) => (f.name === 'amount' ? { ...f, kind: 'number' as const } : f)), valid: order },
  },
  { method: 'GET', route: '/api/v1/orders/:agentReference', caller: 'key', params: { agentReference: 'fuzz-none' } },
  { method: 'POST', route: '/api/v1/recharges/airtime', caller: 'user', body: { fields: fields('phone amount:integer currency reference'), valid: () => ({ phone: '+263772279099', amount: 100, currency: 'USD', reference: `fuzz-${Date.now()}` }) } },
  { method: 'POST', route: '/api/v1/recharges/airtime/batch', caller: 'user', body: { fields: fields('account? recharges:array'), valid: () => ({ recharges: [{ phone: '+263772279099', amount: 100, currency: 'USD', reference: `fuzz-${Date.now()}` }] }) } },
  { method: 'GET', route: '/api/v1/recharges/airtime/batch/:id', caller: 'user', params: { id: '00000000-0000-4000-8000-000000000000' } },
  // The sheet as JSON {csv}: the fuzz speaks JSON; text/csv and multipart reach the same reader (pay-a-bulk-csv.e2e.ts).
  { method: 'POST', route: '/api/v1/bulk/preview', caller: 'key', body: { fields: fields('csv~'), valid: () => ({ csv: 'target,amount\n0772279099,1\n' }) } },
  // A preview that does not exist: a valid shape that changes nothing (a real one would pay).
  { method: 'POST', route: '/api/v1/bulk', caller: 'key', body: { fields: fields('preview_id? csv?~ batch_reference'), valid: () => ({ preview_id: '00000000-0000-4000-8000-000000000000', batch_reference: 'fuzz-batch' }) } },
  { method: 'GET', route: '/api/v1/bulk/:id', caller: 'key', params: { id: '00000000-0000-4000-8000-000000000000' } },
  { method: 'POST', route: '/api/v1/bulk/:id/cancel', caller: 'key', params: { id: '00000000-0000-4000-8000-000000000000' } },
  { method: 'GET', route: '/api/v1/bulk/:id/results.csv', caller: 'key', params: { id: '00000000-0000-4000-8000-000000000000' }, query: { fields: mode, valid: {} } },
  { method: 'GET', route: '/api/v1/wallet', caller: 'key', query: { fields: mode, valid: {} } },
  { method: 'GET', route: '/api/v1/wallet/ledger', caller: 'key', query: { fields: [...contractFields(ListLedgerRequest, { omit: ['account_id'] })], valid: { currency: 'USD' } } },
  { method: 'GET', route: '/api/v1/wallet/statement', caller: 'key', query: { fields: fields('from to currency? mode?'), valid: { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' } } },
  { method: 'POST', route: '/api/v1/wallet/topup', caller: 'key', body: { fields: fields('amount:number currency'), valid: () => ({ amount: 10, currency: 'USD' }) } },
  { method: 'GET', route: '/api/v1/wallet/topup/:reference', caller: 'key', params: { reference: 'TOP-000000000000' }, query: { fields: mode, valid: {} } },
  { method: 'POST', route: '/api/v1/api-keys', caller: 'user', body: { fields: fields('name mode?'), valid: () => ({ name: 'fuzz' }) } },
  { method: 'GET', route: '/api/v1/api-keys', caller: 'user' },
  { method: 'DELETE', route: '/api/v1/api-keys/:id', caller: 'user', params: { id: '00000000-0000-4000-8000-000000000000' } },
  { method: 'POST', route: '/api/v1/webhooks', caller: 'key', body: { fields: contractFields(CreateWebhookEndpointRequest, { omit: ['account_id'] }).map((f) => (f.name === 'mode' ? { ...f, optional: true } : f)), valid: () => ({ url: 'https://example.com/hook', events: ['order.success'] }) } },
  { method: 'GET', route: '/api/v1/webhooks', caller: 'key', query: { fields: mode, valid: {} } },
  { method: 'DELETE', route: '/api/v1/webhooks/:id', caller: 'key', params: { id: '00000000-0000-4000-8000-000000000000' }, query: { fields: mode, valid: {} } },
  { method: 'POST', route: '/api/v1/webhooks/:id/rotate-secret', caller: 'key', params: { id: '00000000-0000-4000-8000-000000000000' }, body: { fields: fields('overlap_seconds:integer? mode?'), valid: () => ({}) } },
  { method: 'GET', route: '/api/v1/webhooks/deliveries', caller: 'key', query: { fields: fields('endpoint_id? status? mode? limit:integer?'), valid: {} } },
  { method: 'POST', route: '/api/v1/webhooks/deliveries/resend', caller: 'key', body: { fields: fields('delivery_id? failed_since? mode?'), valid: () => ({ delivery_id: '00000000-0000-4000-8000-000000000000' }) } },
  {
    method: 'POST', route: '/api/v1/campaigns', caller: 'key',
    body: { fields: contractFields(CreateCampaignRequest, { omit: ['account_id'] }).map((f) => (f.name === 'mode' ? { ...f, optional: true } : f)), valid: () => ({ name: 'Fuzz survey', product_id: 100, amount: '1', budget: '5' }) },
  },
  { method: 'GET', route: '/api/v1/campaigns', caller: 'key', query: { fields: fields('after? limit:integer? mode?'), valid: {} } },
  { method: 'GET', route: '/api/v1/campaigns/:id', caller: 'key', params: { id: anyUuid }, query: { fields: mode, valid: {} } },
  { method: 'GET', route: '/api/v1/campaigns/:id/payouts', caller: 'key', params: { id: anyUuid }, query: { fields: fields('after? limit:integer? mode?'), valid: {} } },
  { method: 'POST', route: '/api/v1/campaigns/:id/pause', caller: 'key', params: { id: anyUuid }, query: { fields: mode, valid: {} } },
  { method: 'POST', route: '/api/v1/campaigns/:id/resume', caller: 'key', params: { id: anyUuid }, query: { fields: mode, valid: {} } },
  { method: 'POST', route: '/api/v1/campaigns/:id/rotate-secret', caller: 'key', params: { id: anyUuid }, query: { fields: mode, valid: {} } },
  // Unsigned, so every case is refused (401) before the body is read; what is fuzzed is that no input breaks the route.
  {
    method: 'POST', route: '/api/v1/campaigns/:id/payouts', caller: 'none', params: { id: anyUuid },
    body: { fields: contractFields(CampaignPayoutBody), valid: () => ({ completion_id: 'fuzz-completion', phone: '0772279099', timestamp: Math.floor(Date.now() / 1000) }) },
  },
  { method: 'POST', route: '/callbacks/pesepay', caller: 'none', body: { fields: contractFields(TopUpCallbackRequest), valid: () => ({ payload: 'bm90IGEgcGF5bG9hZA==' }) } },
  { method: 'GET', route: '/callbacks/pesepay/return', caller: 'none', query: { fields: fields('reference?'), valid: { reference: 'TOP-000000000000' } }, answers: 'theirs' },
  { method: 'POST', route: '/callbacks/:upstream', caller: 'none', params: { upstream: 'tuti' }, body: { fields: fields('transactionId? status?'), valid: () => ({ transactionId: 'T-1', status: 'SUCCESS' }) }, answers: 'theirs' },
  { method: 'POST', route: '/callbacks/:upstream/:kind', caller: 'none', params: { upstream: 'estoresms', kind: 'status' }, body: { fields: fields('ref? status?'), valid: () => ({ ref: '1', status: 'ok' }) }, answers: 'theirs' },
  { method: 'GET', route: '/health', caller: 'none' },
  { method: 'GET', route: '/health/details', caller: 'operator' },
];

/** A scalar variable: its spec and a valid value. */
const scalar = (name: string, kind: FieldSpec['kind'], optional: boolean, valid: () => unknown) => ({ scalar: { name, kind, optional }, valid });
/** Relay's paging arguments as variables, declared `$first: Int, $after: String` in the document. */
const paging = { first: scalar('first', 'integer', true, () => 5), after: scalar('after', 'string', true, () => undefined) };
const PAGE_VARS = '$first: Int, $after: String';
const PAGE_ARGS = 'first: $first, after: $after';
const MODE_VAR = scalar('mode', 'string', true, () => undefined);
const anyId = '00000000-0000-4000-8000-000000000000';
const globalIdOf = (type: string, ...parts: string[]) => Buffer.from([type, ...parts].join(':'), 'utf8').toString('base64url');

/**
 * Every GraphQL query and mutation, and every field of the graph that takes arguments (named
 * `Type.field`), each with valid variables (subscriptions run over WebSocket and take no input).
 */
export const GRAPHQL_OPERATIONS: GraphqlOperation[] = [
  { name: 'createAccount', caller: 'none', document: 'mutation ($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }', variables: { input: { fields: gql(CreateAccountRequest), valid: (k) => camel(onboarding(k.freshPhone)) } } },
  { name: 'authenticateWithPin', caller: 'none', document: 'mutation ($input: AuthenticateWithPinInput!) { authenticateWithPin(input: $input) { token } }', variables: { input: { fields: gql(AuthenticateWithPinRequest), valid: (k) => ({ phone: k.freshPhone, pin: '0000' }) } } },
  { name: 'resetPin', caller: 'none', document: 'mutation ($input: ResetPinInput!) { resetPin(input: $input) { sent } }', variables: { input: { fields: gql(ResetPinRequest), valid: (k) => ({ phone: k.freshPhone }) } } },
  { name: 'viewer', caller: 'user', document: '{ viewer { kind user { id } account { id } } }', variables: {} },
  { name: 'node', caller: 'key', document: 'query ($id: ID!) { node(id: $id) { id } }', variables: { id: scalar('id', 'string', false, () => globalIdOf('Order', 'live', anyId)) } },
  { name: 'nodes', caller: 'key', document: 'query ($id: ID!) { nodes(ids: [$id]) { id } }', variables: { id: scalar('id', 'string', false, () => globalIdOf('Product', '100')) } },
  {
    name: 'products', caller: 'key', document: `query (${PAGE_VARS}, $country: String, $network: String, $kind: String, $currency: String) { products(${PAGE_ARGS}, country: $country, network: $network, kind: $kind, currency: $currency) { edges { node { id } } } }`,
    variables: { ...paging, country: scalar('country', 'string', true, () => 'ZW'), network: scalar('network', 'string', true, () => undefined), kind: scalar('kind', 'string', true, () => undefined), currency: scalar('currency', 'string', true, () => undefined) },
  },
  {
    name: 'sendRecharge', caller: 'key', document: 'mutation ($input: SendRechargeInput!) { sendRecharge(input: $input) { order { status } } }',
    variables: { input: { fields: fields('productId:integer target amount agentReference customSms?~ mode?'), valid: () => camel({ ...order(), amount: '1' }) } },
  },
  {
    name: 'Account.orders', caller: 'key',
    document: `query (${PAGE_VARS}, $last: Int, $before: String, $status: String, $target: String, $from: String, $mode: Mode) { viewer { account { orders(${PAGE_ARGS}, last: $last, before: $before, status: $status, target: $target, from: $from, mode: $mode) { edges { node { id product { id } batch { id } } } } } } }`,
    variables: { ...paging, last: scalar('last', 'integer', true, () => undefined), before: scalar('before', 'string', true, () => undefined), status: scalar('status', 'string', true, () => 'success'), target: scalar('target', 'string', true, () => undefined), from: scalar('from', 'string', true, () => undefined), mode: MODE_VAR },
  },
  { name: 'Order.ledgerEntries', caller: 'key', document: `query (${PAGE_VARS}) { viewer { account { orders(first: 3) { edges { node { ledgerEntries(${PAGE_ARGS}) { edges { node { id } } } } } } } } }`, variables: { ...paging } },
  { name: 'Account.order', caller: 'key', document: 'query ($ref: String!) { viewer { account { order(agentReference: $ref) { status } } } }', variables: { ref: scalar('ref', 'string', false, () => 'fuzz-none') } },
  { name: 'Account.batches', caller: 'key', document: `query (${PAGE_VARS}) { viewer { account { batches(${PAGE_ARGS}) { edges { node { id } } } } } }`, variables: { ...paging } },
  { name: 'Batch.orders', caller: 'key', document: `query ($id: ID!, ${PAGE_VARS}) { node(id: $id) { ... on Batch { orders(${PAGE_ARGS}) { edges { node { id } } } } } }`, variables: { id: { scalar: { name: 'id', kind: 'string', optional: false }, valid: (k) => k.batchId }, ...paging } },
  { name: 'previewBulk', caller: 'key', document: 'mutation ($input: PreviewBulkInput!) { previewBulk(input: $input) { preview { previewId rows { row } } } }', variables: { input: { fields: fields('csv~ mode?'), valid: () => ({ csv: 'target,amount\n0772279099,1\n' }) } } },
  { name: 'runBulk', caller: 'key', document: 'mutation ($input: RunBulkInput!) { runBulk(input: $input) { batch { id progress { status } } } }', variables: { input: { fields: fields('previewId? csv?~ batchReference mode?'), valid: () => ({ previewId: anyId, batchReference: 'fuzz-batch' }) } } },
  { name: 'cancelBatch', caller: 'key', document: 'mutation ($input: CancelBatchInput!) { cancelBatch(input: $input) { batch { id } } }', variables: { input: { fields: fields('id'), valid: () => ({ id: globalIdOf('Batch', 'live', anyId) }) } } },
  { name: 'upsertProduct', caller: 'operator', document: 'mutation ($input: UpsertProductInput!) { upsertProduct(input: $input) { product { id } } }', variables: { input: { fields: fields('id:integer name country network kind currency minMinor? maxMinor? denominationsMinor:array? upstream upstreamProduct? active:boolean'), valid: () => ({ id: 9999, name: 'Fuzz airtime', country: 'ZW', network: 'econet', kind: 'airtime', currency: 'USD', upstream: 'omega', active: false }) } } },
  { name: 'ordersNeedingAttention', caller: 'operator', document: `query (${PAGE_VARS}) { ordersNeedingAttention(${PAGE_ARGS}) { edges { node { id } } } }`, variables: { ...paging } },
  {
    name: 'routes', caller: 'operator', document: 'query ($country: String, $network: String, $kind: String) { routes(country: $country, network: $network, kind: $kind) { entries { upstream } } }',
    variables: { country: scalar('country', 'string', true, () => 'NG'), network: scalar('network', 'string', true, () => undefined), kind: scalar('kind', 'string', true, () => undefined) },
  },
  // Valid values that change nothing (an empty route of a network no product has, an upstream put back that was never drained).
  { name: 'setRoute', caller: 'operator', document: 'mutation ($input: SetRouteInput!) { setRoute(input: $input) { route { entries { upstream } } } }', variables: { input: { fields: fields('country network kind entries:array'), valid: () => ({ country: 'ZW', network: 'fuzznet', kind: 'airtime', entries: [] }) } } },
  { name: 'drainUpstream', caller: 'operator', document: 'mutation ($input: DrainUpstreamInput!) { drainUpstream(input: $input) { drains { upstream } } }', variables: { input: { fields: fields('upstream mode? drained:boolean reason?~'), valid: () => ({ upstream: 'zesa', mode: 'test', drained: false }) } } },
  { name: 'upstreams', caller: 'operator', document: 'query ($windowMinutes: Int) { upstreams(windowMinutes: $windowMinutes) { upstream circuit } }', variables: { windowMinutes: scalar('windowMinutes', 'integer', true, () => 15) } },
  { name: 'Account.wallets', caller: 'key', document: `query (${PAGE_VARS}) { viewer { account { wallets(${PAGE_ARGS}) { edges { node { currency } } } } } }`, variables: { ...paging } },
  { name: 'Wallet.ledger', caller: 'key', document: `query ($id: ID!, ${PAGE_VARS}) { node(id: $id) { ... on Wallet { ledger(${PAGE_ARGS}) { edges { node { id order { id } } } } } } }`, variables: { id: scalar('id', 'string', false, () => globalIdOf('Wallet', 'live', 'USD')), ...paging } },
  {
    name: 'Account.ledger', caller: 'key',
    document: `query (${PAGE_VARS}, $currency: String, $kind: String, $from: String, $to: String, $orderId: String) { viewer { account { ledger(${PAGE_ARGS}, currency: $currency, kind: $kind, from: $from, to: $to, orderId: $orderId) { edges { node { id } } } } } }`,
    variables: { ...paging, currency: scalar('currency', 'string', true, () => 'USD'), kind: scalar('kind', 'string', true, () => undefined), from: scalar('from', 'string', true, () => undefined), to: scalar('to', 'string', true, () => undefined), orderId: scalar('orderId', 'string', true, () => undefined) },
  },
  { name: 'topUpWallet', caller: 'key', document: 'mutation ($input: TopUpWalletInput!) { topUpWallet(input: $input) { topUp { reference } } }', variables: { input: { fields: fields('amount currency mode?'), valid: () => ({ amount: '10', currency: 'USD' }) } } },
  { name: 'Account.topUp', caller: 'key', document: 'query ($reference: String!) { viewer { account { topUp(reference: $reference) { status } } } }', variables: { reference: scalar('reference', 'string', false, () => 'TOP-000000000000') } },
  { name: 'Account.topUps', caller: 'key', document: `query (${PAGE_VARS}, $status: String, $currency: String) { viewer { account { topUps(${PAGE_ARGS}, status: $status, currency: $currency) { edges { node { id } } } } } }`, variables: { ...paging, status: scalar('status', 'string', true, () => 'paid'), currency: scalar('currency', 'string', true, () => undefined) } },
  {
    name: 'creditWallet', caller: 'operator', document: 'mutation ($input: CreditWalletInput!) { creditWallet(input: $input) { transfer { id } } }',
    variables: { input: { fields: fields('accountId currency amountMinor reason~ idempotencyKey mode?'), valid: (k) => ({ accountId: k.accountId, currency: 'USD', amountMinor: '100', reason: 'fuzz', idempotencyKey: 'fuzz-credit-0001' }) } },
  },
  { name: 'Account.apiKeys', caller: 'user', document: `query (${PAGE_VARS}) { viewer { account { apiKeys(${PAGE_ARGS}) { edges { node { id } } } } } }`, variables: { ...paging } },
  { name: 'createApiKey', caller: 'user', document: 'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }', variables: { input: { fields: fields('name mode?'), valid: () => ({ name: 'fuzz' }) } } },
  { name: 'revokeApiKey', caller: 'user', document: 'mutation ($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id } } }', variables: { input: { fields: fields('id'), valid: () => ({ id: globalIdOf('ApiKey', anyId) }) } } },
  { name: 'smsMessages', caller: 'operator', document: `query ($status: String, ${PAGE_VARS}) { smsMessages(status: $status, ${PAGE_ARGS}) { edges { node { id } } } }`, variables: { status: scalar('status', 'string', true, () => 'sent'), ...paging } },
  { name: 'Account.webhookEndpoints', caller: 'key', document: `query (${PAGE_VARS}, $mode: Mode) { viewer { account { webhookEndpoints(${PAGE_ARGS}, mode: $mode) { edges { node { id } } } } } }`, variables: { ...paging, mode: MODE_VAR } },
  { name: 'createWebhookEndpoint', caller: 'key', document: 'mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { webhookEndpoint { id } } }', variables: { input: { fields: fields('url events:array mode?'), valid: () => ({ url: 'https://example.com/hook', events: ['order.success'] }) } } },
  { name: 'rotateWebhookSecret', caller: 'key', document: 'mutation ($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { webhookEndpoint { id } } }', variables: { input: { fields: fields('id overlapSeconds:integer?'), valid: () => ({ id: globalIdOf('WebhookEndpoint', 'live', anyId), overlapSeconds: 60 }) } } },
  { name: 'deleteWebhookEndpoint', caller: 'key', document: 'mutation ($input: DeleteWebhookEndpointInput!) { deleteWebhookEndpoint(input: $input) { webhookEndpoint { id } } }', variables: { input: { fields: fields('id'), valid: () => ({ id: globalIdOf('WebhookEndpoint', 'live', anyId) }) } } },
  { name: 'Account.webhookDeliveries', caller: 'key', document: `query ($status: String, ${PAGE_VARS}) { viewer { account { webhookDeliveries(status: $status, ${PAGE_ARGS}) { edges { node { id endpoint { id } } } } } } }`, variables: { status: scalar('status', 'string', true, () => 'dead'), ...paging } },
  { name: 'WebhookEndpoint.deliveries', caller: 'key', document: `query ($id: ID!, ${PAGE_VARS}) { node(id: $id) { ... on WebhookEndpoint { deliveries(${PAGE_ARGS}) { edges { node { id } } } } } }`, variables: { id: { scalar: { name: 'id', kind: 'string', optional: false }, valid: (k) => k.webhookEndpointId }, ...paging } },
  { name: 'resendWebhookDeliveries', caller: 'key', document: 'mutation ($input: ResendWebhookDeliveriesInput!) { resendWebhookDeliveries(input: $input) { requeued } }', variables: { input: { fields: fields('deliveryId? failedSince? mode?'), valid: () => ({ deliveryId: anyId }) } } },
  { name: 'Account.campaigns', caller: 'key', document: `query (${PAGE_VARS}, $mode: Mode) { viewer { account { campaigns(${PAGE_ARGS}, mode: $mode) { edges { node { id } } } } } }`, variables: { ...paging, mode: MODE_VAR } },
  { name: 'Campaign.payouts', caller: 'key', document: `query ($id: ID!, ${PAGE_VARS}) { node(id: $id) { ... on Campaign { payouts(${PAGE_ARGS}) { edges { node { databaseId order { id } } } } } } }`, variables: { id: { scalar: { name: 'id', kind: 'string', optional: false }, valid: (k) => k.campaignId }, ...paging } },
  {
    name: 'createCampaign', caller: 'key', document: 'mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } secret } }',
    variables: { input: { fields: fields('name productId:integer amount? minAmount? maxAmount? budget endsAt? onePerPhone:boolean? mode?'), valid: () => ({ name: 'Fuzz survey', productId: 100, amount: '1', budget: '5' }) } },
  },
  { name: 'pauseCampaign', caller: 'key', document: 'mutation ($input: CampaignRefInput!) { pauseCampaign(input: $input) { campaign { id } } }', variables: { input: { fields: fields('id'), valid: () => ({ id: globalIdOf('Campaign', 'live', anyId) }) } } },
  { name: 'resumeCampaign', caller: 'key', document: 'mutation ($input: CampaignRefInput!) { resumeCampaign(input: $input) { campaign { id } } }', variables: { input: { fields: fields('id'), valid: () => ({ id: globalIdOf('Campaign', 'live', anyId) }) } } },
  { name: 'rotateCampaignSecret', caller: 'key', document: 'mutation ($input: CampaignRefInput!) { rotateCampaignSecret(input: $input) { campaign { id } secret } }', variables: { input: { fields: fields('id'), valid: () => ({ id: globalIdOf('Campaign', 'live', anyId) }) } } },
];

const GATEWAY_SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../gateway/src');

/**
 * The routes and operations the gateway's source declares, read from its decorators, so that an
 * endpoint added without a fuzz entry fails the coverage check instead of going unfuzzed.
 */
export function declaredSurface(): { rest: string[]; graphql: string[] } {
  const rest: string[] = [];
  const graphql: string[] = [];
  for (const file of walk(GATEWAY_SRC)) {
    if (file.endsWith('.spec.ts')) continue;
    const source = readFileSync(file, 'utf8');
    const prefix = /@Controller\('([^']*)'\)/.exec(source)?.[1];
    if (prefix !== undefined) {
      for (const match of source.matchAll(/@(Get|Post|Delete|Put|Patch)\((\[[^\]]*\]|'[^']*')?\)/g)) {
        const paths = match[2] ? [...match[2].matchAll(/'([^']*)'/g)].map((m) => m[1]!) : [''];
        for (const sub of paths) rest.push(`${match[1]!.toUpperCase()} ${['', prefix, sub].filter((s, i) => i === 0 || s !== '').join('/')}`);
      }
    }
    for (const match of source.matchAll(/@(Query|Mutation)\([^)]*\)[^\n]*\n(?:\s*@[^\n]*\n)*\s*(?:async\s+)?([a-zA-Z]+)\(/g)) graphql.push(match[2]!);
    // A field of the graph that takes arguments is input too: named `Type.field` after its resolver's type.
    for (const resolver of source.split(/(?=@Resolver\()/).slice(1)) {
      const type = /^@Resolver\(\(\) => (\w+?)Model\)/.exec(resolver)?.[1];
      if (!type) continue;
      for (const match of resolver.matchAll(/@ResolveField\([^\n]*\n\s*(?:async\s+)?([a-zA-Z]+)\(([^{]*)\{/g)) {
        if (match[2]!.includes('@Args(')) graphql.push(`${type}.${match[1]!}`);
      }
    }
  }
  return { rest: rest.sort(), graphql: graphql.sort() };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : []));
}
