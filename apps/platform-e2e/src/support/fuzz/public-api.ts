import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AuthenticateWithPinRequest,
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
  { method: 'POST', route: '/callbacks/pesepay', caller: 'none', body: { fields: contractFields(TopUpCallbackRequest), valid: () => ({ payload: 'bm90IGEgcGF5bG9hZA==' }) } },
  { method: 'GET', route: '/callbacks/pesepay/return', caller: 'none', query: { fields: fields('reference?'), valid: { reference: 'TOP-000000000000' } }, answers: 'theirs' },
  { method: 'POST', route: '/callbacks/:upstream', caller: 'none', params: { upstream: 'tuti' }, body: { fields: fields('transactionId? status?'), valid: () => ({ transactionId: 'T-1', status: 'SUCCESS' }) }, answers: 'theirs' },
  { method: 'POST', route: '/callbacks/:upstream/:kind', caller: 'none', params: { upstream: 'estoresms', kind: 'status' }, body: { fields: fields('ref? status?'), valid: () => ({ ref: '1', status: 'ok' }) }, answers: 'theirs' },
  { method: 'GET', route: '/health', caller: 'none' },
  { method: 'GET', route: '/health/details', caller: 'operator' },
];

/** Every GraphQL query and mutation (subscriptions run over WebSocket and take no input), each with valid variables. */
export const GRAPHQL_OPERATIONS: GraphqlOperation[] = [
  { name: 'createAccount', caller: 'none', document: 'mutation ($input: CreateAccountInput!) { createAccount(input: $input) { id } }', variables: { input: { fields: gql(CreateAccountRequest), valid: (k) => camel(onboarding(k.freshPhone)) } } },
  { name: 'authenticateWithPin', caller: 'none', document: 'mutation ($input: AuthenticateWithPinInput!) { authenticateWithPin(input: $input) { token } }', variables: { input: { fields: gql(AuthenticateWithPinRequest), valid: (k) => ({ phone: k.freshPhone, pin: '0000' }) } } },
  { name: 'resetPin', caller: 'none', document: 'mutation ($input: ResetPinInput!) { resetPin(input: $input) }', variables: { input: { fields: gql(ResetPinRequest), valid: (k) => ({ phone: k.freshPhone }) } } },
  { name: 'me', caller: 'user', document: '{ me { id } }', variables: {} },
  { name: 'account', caller: 'key', document: '{ account { id } }', variables: {} },
  { name: 'products', caller: 'key', document: 'query ($filter: ProductsFilterInput) { products(filter: $filter) { id } }', variables: { filter: { fields: gql(ListProductsRequest), valid: () => ({ country: 'ZW' }) } } },
  {
    name: 'sendRecharge', caller: 'key', document: 'mutation ($input: SendRechargeInput!) { sendRecharge(input: $input) { status } }',
    variables: { input: { fields: fields('productId:integer target amount agentReference customSms?~'), valid: () => camel({ ...order(), amount: '1' }) } },
  },
  { name: 'order', caller: 'key', document: 'query ($ref: String!) { order(agentReference: $ref) { status } }', variables: { ref: { scalar: { name: 'ref', kind: 'string', optional: false }, valid: () => 'fuzz-none' } } },
  { name: 'orders', caller: 'key', document: 'query ($filter: OrdersFilterInput) { orders(filter: $filter) { edges { node { id } } } }', variables: { filter: { fields: fields('status? network? target? from? to? first:integer? after?'), valid: () => ({ first: 5 }) } } },
  { name: 'upsertProduct', caller: 'operator', document: 'mutation ($input: UpsertProductInput!) { upsertProduct(input: $input) { id } }', variables: { input: { fields: fields('id:integer name country network kind currency minMinor? maxMinor? denominationsMinor:array? upstream upstreamProduct? active:boolean'), valid: () => ({ id: 9999, name: 'Fuzz airtime', country: 'ZW', network: 'econet', kind: 'airtime', currency: 'USD', upstream: 'omega', active: false }) } } },
  { name: 'ordersNeedingAttention', caller: 'operator', document: 'query ($limit: Int) { ordersNeedingAttention(limit: $limit) { id } }', variables: { limit: { scalar: { name: 'limit', kind: 'integer', optional: true }, valid: () => 5 } } },
  { name: 'wallets', caller: 'key', document: '{ wallets { currency } }', variables: {} },
  { name: 'ledger', caller: 'key', document: 'query ($filter: LedgerFilterInput) { ledger(filter: $filter) { edges { node { id } } } }', variables: { filter: { fields: fields('currency? kind? from? to? orderId? mode? first:integer? after?'), valid: () => ({ currency: 'USD' }) } } },
  { name: 'topUpWallet', caller: 'key', document: 'mutation ($input: TopUpWalletInput!) { topUpWallet(input: $input) { reference } }', variables: { input: { fields: fields('amount currency'), valid: () => ({ amount: '10', currency: 'USD' }) } } },
  { name: 'topUp', caller: 'key', document: 'query ($reference: String!) { topUp(reference: $reference) { status } }', variables: { reference: { scalar: { name: 'reference', kind: 'string', optional: false }, valid: () => 'TOP-000000000000' } } },
  {
    name: 'creditWallet', caller: 'operator', document: 'mutation ($input: CreditWalletInput!) { creditWallet(input: $input) { id } }',
    variables: { input: { fields: fields('accountId currency amountMinor reason~ idempotencyKey mode?'), valid: (k) => ({ accountId: k.accountId, currency: 'USD', amountMinor: '100', reason: 'fuzz', idempotencyKey: 'fuzz-credit-0001' }) } },
  },
  { name: 'apiKeys', caller: 'user', document: '{ apiKeys { id } }', variables: {} },
  { name: 'createApiKey', caller: 'user', document: 'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { id } }', variables: { input: { fields: fields('name mode?'), valid: () => ({ name: 'fuzz' }) } } },
  { name: 'revokeApiKey', caller: 'user', document: 'mutation ($id: ID!) { revokeApiKey(id: $id) { id } }', variables: { id: { scalar: { name: 'id', kind: 'string', optional: false }, valid: () => '00000000-0000-4000-8000-000000000000' } } },
  { name: 'smsMessages', caller: 'operator', document: 'query ($status: String, $limit: Int) { smsMessages(status: $status, limit: $limit) { id } }', variables: { status: { scalar: { name: 'status', kind: 'string', optional: true }, valid: () => 'sent' }, limit: { scalar: { name: 'limit', kind: 'integer', optional: true }, valid: () => 5 } } },
  { name: 'webhookEndpoints', caller: 'key', document: '{ webhookEndpoints { id } }', variables: {} },
  { name: 'createWebhookEndpoint', caller: 'key', document: 'mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { id } }', variables: { input: { fields: fields('url events:array mode?'), valid: () => ({ url: 'https://example.com/hook', events: ['order.success'] }) } } },
  { name: 'rotateWebhookSecret', caller: 'key', document: 'mutation ($id: ID!, $overlap: Int) { rotateWebhookSecret(id: $id, overlapSeconds: $overlap) { id } }', variables: { id: { scalar: { name: 'id', kind: 'string', optional: false }, valid: () => '00000000-0000-4000-8000-000000000000' }, overlap: { scalar: { name: 'overlap', kind: 'integer', optional: true }, valid: () => 60 } } },
  { name: 'deleteWebhookEndpoint', caller: 'key', document: 'mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) { id } }', variables: { id: { scalar: { name: 'id', kind: 'string', optional: false }, valid: () => '00000000-0000-4000-8000-000000000000' } } },
  { name: 'webhookDeliveries', caller: 'key', document: 'query ($status: String, $limit: Int) { webhookDeliveries(status: $status, limit: $limit) { id } }', variables: { status: { scalar: { name: 'status', kind: 'string', optional: true }, valid: () => 'failed' }, limit: { scalar: { name: 'limit', kind: 'integer', optional: true }, valid: () => 5 } } },
  { name: 'resendWebhookDeliveries', caller: 'key', document: 'mutation ($id: ID, $since: String) { resendWebhookDeliveries(deliveryId: $id, failedSince: $since) }', variables: { id: { scalar: { name: 'id', kind: 'string', optional: true }, valid: () => '00000000-0000-4000-8000-000000000000' }, since: { scalar: { name: 'since', kind: 'string', optional: true }, valid: () => undefined } } },
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
  }
  return { rest: rest.sort(), graphql: graphql.sort() };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : []));
}
