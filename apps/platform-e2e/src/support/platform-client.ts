import { e2eState } from './e2e-state.js';

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A request to the gateway; `body` may be a raw string to send malformed or oversized JSON. */
export async function http<T = any>(
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; token?: string; apiKey?: string } = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.apiKey) headers['authorization'] = `Api-Key ${options.apiKey}`;
  const response = await fetch(`${e2eState().gatewayUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
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

export async function graphql<T = any>(
  query: string,
  variables: Record<string, unknown> = {},
  auth: { token?: string; apiKey?: string } = {},
): Promise<{ status: number; data: T | null; errors?: { message: string; extensions?: Record<string, any> }[] }> {
  const { status, body } = await http('POST', '/graphql', { body: { query, variables }, ...auth });
  return { status, data: body.data ?? null, errors: body.errors };
}

/**
 * A global id as the graph gives them out (Relay's opaque ids are base64url of `Type:parts`): only
 * for tests that must name an object they were given a REST id for, the way an attacker could.
 */
export function globalId(type: string, ...parts: string[]): string {
  return Buffer.from([type, ...parts].join(':'), 'utf8').toString('base64url');
}
