import fc from 'fast-check';
import { e2eState } from '../e2e-state.js';
import { applyBodyBreak, badParam, badValue, bodyBreak, describe } from './bad-input.js';
import type { FieldSpec } from './contract-fields.js';
import type { Caller, GraphqlOperation, Known, RestEndpoint } from './public-api.js';

/** One request the fuzzer sends, and whether the endpoint must refuse it (it reads what was broken). */
export interface FuzzCase {
  target: string;
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  mustRefuse: boolean;
  graphqlField?: string;
  answers: 'ours' | 'theirs';
}

export interface Finding {
  target: string;
  label: string;
  status: number;
  why: string;
  answer: string;
}

export type Credentials = Record<Exclude<Caller, 'none'>, string>;

/** Bytes a URL can carry for any string, even half a surrogate pair (which encodeURIComponent refuses). */
function urlEncode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value.replace(/[\uD800-\uDFFF]/g, '%ED%A0%80').split('%ED%A0%80').map((part) => encodeURIComponent(part)).join('%ED%A0%80');
  }
}

function authHeaders(caller: Caller, credentials: Credentials): Record<string, string> {
  if (caller === 'none') return {};
  if (caller === 'key') return { authorization: `Api-Key ${credentials.key}` };
  return { authorization: `Bearer ${credentials[caller]}` };
}

const badAuthorization = fc.constantFrom('Api-Key atk_live_notakey', 'Bearer a.b.c', 'Bearer ', 'Basic Zm9vOmJhcg==', `Api-Key ${'k'.repeat(5000)}`, 'Api-Key atk_test_\u00e9');

function fillRoute(route: string, params: Record<string, string>): string {
  return route.replace(/:([A-Za-z]+)/g, (_, name: string) => urlEncode(params[name] ?? ''));
}

function queryString(values: Record<string, string | string[]>): string {
  const parts = Object.entries(values).flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((v) => `${urlEncode(key)}=${urlEncode(v)}`));
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Cases for one REST endpoint: each breaks one thing the endpoint reads, or sends junk it does not. */
export function restCases(endpoint: RestEndpoint, known: Known, credentials: Credentials): fc.Arbitrary<FuzzCase> {
  const target = `${endpoint.method} ${endpoint.route}`;
  const answers = endpoint.answers ?? 'ours';
  const auth = authHeaders(endpoint.caller, credentials);
  const valid = endpoint.body?.valid(known);
  const headers = valid ? { ...auth, 'content-type': 'application/json' } : auth;
  const base = (label: string, overrides: Partial<FuzzCase>): FuzzCase => ({
    target, label, answers, method: endpoint.method, mustRefuse: true, headers,
    path: fillRoute(endpoint.route, endpoint.params ?? {}) + queryString(endpoint.query?.valid ?? {}),
    ...(valid ? { body: JSON.stringify(valid) } : {}),
    ...overrides,
  });
  const options: fc.Arbitrary<FuzzCase>[] = [];
  if (endpoint.body && valid) {
    options.push(bodyBreak(endpoint.body.fields, valid).map((change) => {
      const { contentType, raw } = applyBodyBreak(valid, change);
      const label = change.kind === 'raw' ? change.label : change.kind === 'field' ? `${change.field}=${describe(change.value)}` : `${change.kind} ${change.field}`;
      return base(`body: ${label}`, { body: raw, headers: { ...auth, 'content-type': contentType } });
    }));
  }
  const query = endpoint.query;
  if (query && query.fields.length > 0) {
    options.push(fc.constantFrom(...query.fields).chain((field) => fc.oneof(
      // A query string is UTF-8 on the wire: half a surrogate pair arrives as U+FFFD, valid text.
      badParam(field).filter((value) => !/[\uD800-\uDFFF]/.test(value)).map((value) => ({ field, value: value as string | string[] })),
      fc.constant({ field, value: ['a', 'b'] as string[] }),
    )).map(({ field, value }) => base(`query: ${field.name}=${describe(value)}`, {
      path: fillRoute(endpoint.route, endpoint.params ?? {}) + queryString({ ...query.valid, [field.name]: value }),
    })));
  }
  if (query) options.push(fc.constant(base('query: an unknown parameter', { path: fillRoute(endpoint.route, endpoint.params ?? {}) + queryString({ ...query.valid, is_admin: 'true' }) })));
  const params = Object.keys(endpoint.params ?? {});
  if (params.length > 0) {
    options.push(fc.constantFrom(...params).chain((name) => badParam({ name, kind: 'string', optional: false }).filter((v) => v !== '').map((value) =>
      base(`path: ${name}=${describe(value)}`, { path: fillRoute(endpoint.route, { ...endpoint.params, [name]: value }) + queryString(query?.valid ?? {}) }))));
  }
  if (endpoint.caller !== 'none') {
    options.push(badAuthorization.map((authorization) => base(`authorization: ${describe(authorization)}`, { headers: { ...headers, authorization } })));
  }
  if (!endpoint.body && !query && params.length === 0) {
    // Takes no input: junk it does not read must still not break it.
    options.push(fc.constantFrom('?\u0000=1', '?a=%00', '?__proto__[x]=1').map((junk) => base(`junk query ${describe(junk)}`, { path: endpoint.route + junk.replace('\u0000', '%00'), mustRefuse: false })));
  }
  return fc.oneof(...options);
}

const DOCUMENT_BREAKS: Array<[string, (document: string) => string]> = [
  ['truncated document', (d) => d.slice(0, Math.floor(d.length / 2))],
  ['unknown field', (d) => d.replace(/\{\s*([a-zA-Z]+)/, '{ $1 noSuchField')],
  ['300 aliases of one field', (d) => d.replace(/\}\s*$/, `${Array.from({ length: 300 }, (_, i) => ` a${i}: __typename`).join('')} }`)],
  ['a NUL in a string literal', () => '{ order(agentReference: "a\\u0000b") { status } }'],
  ['a 60,000-character literal', () => `{ order(agentReference: "${'x'.repeat(60_000)}") { status } }`],
  ['introspection', () => '{ __schema { types { name } } }'],
  ['selection nested 40 deep', () => `{ ${'a { '.repeat(40)}b${' }'.repeat(40)} }`],
];

/** Cases for one GraphQL operation: a variable broken, the document broken, or the request around it. */
export function graphqlCases(operation: GraphqlOperation, known: Known, credentials: Credentials): fc.Arbitrary<FuzzCase> {
  const target = `graphql ${operation.name}`;
  const valid = Object.fromEntries(Object.entries(operation.variables).map(([name, v]) => [name, v.valid(known)]));
  const request = (label: string, body: unknown, overrides: Partial<FuzzCase> = {}): FuzzCase => ({
    target, label, answers: 'ours', method: 'POST', path: '/graphql', mustRefuse: true, graphqlField: operation.name,
    headers: { ...authHeaders(operation.caller, credentials), 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...overrides,
  });
  const options: fc.Arbitrary<FuzzCase>[] = [];
  for (const [name, variable] of Object.entries(operation.variables)) {
    if (variable.scalar) {
      const scalar: FieldSpec = variable.scalar;
      options.push(badValue(scalar).map((value) => request(`$${name}=${describe(value)}`, { query: operation.document, variables: { ...valid, [name]: value } })));
    }
    if (variable.fields && variable.fields.length > 0) {
      const input = valid[name] as Record<string, unknown>;
      options.push(fc.constantFrom(...variable.fields).chain((field) => badValue(field).map((value) =>
        request(`$${name}.${field.name}=${describe(value)}`, { query: operation.document, variables: { ...valid, [name]: { ...input, [field.name]: value } } }))));
      const required = variable.fields.filter((f) => !f.optional && f.name in input);
      if (required.length > 0) {
        options.push(fc.constantFrom(...required).map((field) => {
          const { [field.name]: _dropped, ...rest } = input;
          return request(`$${name} without ${field.name}`, { query: operation.document, variables: { ...valid, [name]: rest } });
        }));
      }
      options.push(fc.constant(request(`$${name} with an unknown field`, { query: operation.document, variables: { ...valid, [name]: { ...input, isAdmin: true } } })));
    }
  }
  options.push(fc.constantFrom(...DOCUMENT_BREAKS).map(([label, change]) => request(label, { query: change(operation.document), variables: valid })));
  options.push(fc.constantFrom(
    ['a batch of two', JSON.stringify([{ query: operation.document, variables: valid }, { query: operation.document, variables: valid }])],
    ['variables as a string', JSON.stringify({ query: operation.document, variables: 'x' })],
    ['no query', JSON.stringify({ variables: valid })],
    ['query not a string', JSON.stringify({ query: 42 })],
    ['broken JSON', `{"query": ${JSON.stringify(operation.document)}`],
  ).map(([label, raw]) => request(label!, raw!)));
  options.push(fc.constant(request('as text/plain (a CSRF shape)', { query: operation.document, variables: valid }, { headers: { ...authHeaders(operation.caller, credentials), 'content-type': 'text/plain' } })));
  if (operation.caller !== 'none') {
    options.push(badAuthorization.map((authorization) => request(`authorization: ${describe(authorization)}`, { query: operation.document, variables: valid }, { headers: { 'content-type': 'application/json', authorization } })));
  }
  return fc.oneof(...options);
}

/** Sends one case and says what is wrong with the answer, if anything. */
export async function check(fuzzCase: FuzzCase): Promise<Finding | undefined> {
  let response: Response;
  try {
    response = await fetch(`${e2eState().gatewayUrl}${fuzzCase.path}`, { method: fuzzCase.method, headers: fuzzCase.headers, body: fuzzCase.body });
  } catch (error) {
    return finding(fuzzCase, 0, `no answer: ${(error as Error).message}`, '');
  }
  const text = await response.text();
  const status = response.status;
  if (status >= 500) return finding(fuzzCase, status, 'a server error for a client mistake', text);
  if (fuzzCase.answers === 'theirs') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return finding(fuzzCase, status, 'an answer that is not JSON', text);
  }
  if (fuzzCase.graphqlField !== undefined) return checkGraphql(fuzzCase, status, body, text);
  if (status < 400) return fuzzCase.mustRefuse ? finding(fuzzCase, status, 'bad input was accepted', text) : undefined;
  const error = body as Record<string, unknown>;
  const shaped = error['status'] === 'error' && typeof error['code'] === 'string' && /^[A-Z_]+$/.test(error['code']) && typeof error['message'] === 'string' && 'data' in error;
  return shaped ? undefined : finding(fuzzCase, status, "an error not in 000's shape {status, code, message, data}", text);
}

function checkGraphql(fuzzCase: FuzzCase, status: number, body: unknown, text: string): Finding | undefined {
  const answers = Array.isArray(body) ? body : [body];
  for (const answer of answers as Array<{ data?: Record<string, unknown> | null; errors?: Array<{ extensions?: Record<string, unknown> }> }>) {
    if (text.includes('stacktrace')) return finding(fuzzCase, status, 'an error carries a stack trace', text);
    const errors = answer?.errors;
    if (!Array.isArray(errors) || errors.length === 0) return finding(fuzzCase, status, 'bad input was accepted (no errors)', text);
    if (!errors.every((e) => typeof e.extensions?.['code'] === 'string')) return finding(fuzzCase, status, 'an error without extensions.code', text);
    if (answer.data && answer.data[fuzzCase.graphqlField!] != null) return finding(fuzzCase, status, 'the operation answered data beside its errors', text);
  }
  return undefined;
}

function finding(fuzzCase: FuzzCase, status: number, why: string, answer: string): Finding {
  return { target: fuzzCase.target, label: fuzzCase.label, status, why, answer: answer.length > 300 ? `${answer.slice(0, 300)}…` : answer };
}

/** Draws `runs` cases spread over the targets from one seed (the same seed draws the same cases). */
export function drawCases(targets: Array<fc.Arbitrary<FuzzCase>>, seed: number, runs: number): FuzzCase[] {
  const perTarget = Math.max(1, Math.ceil(runs / targets.length));
  return targets.flatMap((arbitrary, index) => fc.sample(arbitrary, { seed: seed + index, numRuns: perTarget }));
}

