import { createHash } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, print } from 'graphql';
import { e2eState } from './e2e-state.js';

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A request to the gateway; `body` may be a raw string to send malformed or oversized JSON, or a FormData sent as multipart. */
export async function http<T = any>(
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; token?: string; apiKey?: string } = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  const form = options.body instanceof FormData;
  if (options.body !== undefined && !form) headers['content-type'] ??= 'application/json';
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.apiKey) headers['authorization'] = `Api-Key ${options.apiKey}`;
  const response = await fetch(`${e2eState().gatewayUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : form || typeof options.body === 'string' ? (options.body as RequestInit['body']) : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

type Auth = { token?: string; apiKey?: string };

export interface GraphqlResult<T> {
  status: number;
  data: T | null;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

/**
 * A GraphQL request. A typed document (generated from src/graphql/*.graphql by `nx run
 * platform-e2e:codegen`) types the variables and the data; a string query answers `any`.
 */
export async function graphql<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  auth?: Auth,
): Promise<GraphqlResult<TData>>;
export async function graphql<T = any>(query: string, variables?: Record<string, unknown>, auth?: Auth): Promise<GraphqlResult<T>>;
export async function graphql(query: string | TypedDocumentNode, variables: Record<string, unknown> = {}, auth: Auth = {}): Promise<GraphqlResult<unknown>> {
  const text = typeof query === 'string' ? query : print(query);
  const { status, body } = await http('POST', '/graphql', { body: { query: text, variables }, ...auth });
  return { status, data: body.data ?? null, errors: body.errors };
}

/** A document as a client sends it, and the SHA-256 (hex) that names it in automatic persisted queries. */
export function persistedQueryOf(document: DocumentNode): { query: string; sha256Hash: string } {
  const query = print(document);
  return { query, sha256Hash: createHash('sha256').update(query).digest('hex') };
}

/**
 * An automatic persisted query: the document's hash, with its text only when `register` is set (or
 * another hash, to send a wrong one), by POST or by GET with everything in the query string (GET
 * carries Apollo's CSRF preflight header unless `preflight` is false).
 */
export async function persistedGraphql<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options: { auth?: Auth; register?: boolean; method?: 'GET' | 'POST'; sha256Hash?: string; preflight?: boolean } = {},
): Promise<GraphqlResult<TData>> {
  const { query, sha256Hash } = persistedQueryOf(document);
  const extensions = { persistedQuery: { version: 1, sha256Hash: options.sha256Hash ?? sha256Hash } };
  const request = { ...(options.register ? { query } : {}), variables, extensions };
  if (options.method !== 'GET') {
    const { status, body } = await http('POST', '/graphql', { body: request, ...options.auth });
    return { status, data: body.data ?? null, errors: body.errors };
  }
  const params = new URLSearchParams(Object.entries(request).map(([key, value]): [string, string] => [key, typeof value === 'string' ? value : JSON.stringify(value)]));
  const headers: Record<string, string> = options.preflight === false ? {} : { 'apollo-require-preflight': 'true' };
  const { status, body } = await http('GET', `/graphql?${params}`, { headers, ...options.auth });
  return { status, data: body.data ?? null, errors: body.errors };
}

/**
 * A global id as the graph gives them out (Relay's opaque ids are base64url of `Type:parts`): only
 * for tests that must name an object they were given a REST id for, the way an attacker could.
 */
export function globalId(type: string, ...parts: string[]): string {
  return Buffer.from([type, ...parts].join(':'), 'utf8').toString('base64url');
}
