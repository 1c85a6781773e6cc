import { Agent, fetch } from 'undici';
import { e2eState } from './e2e-state.js';
import type { HttpResult } from './platform-client.js';

const agents = new Map<string, Agent>();

/**
 * A request to the gateway from another loopback address (127.0.0.0/8 is all ours on Linux), so
 * per-address limits can be watched for several clients without trusting any header.
 */
export async function httpFrom<T = any>(
  address: string,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpResult<T>> {
  let agent = agents.get(address);
  if (!agent) agents.set(address, (agent = new Agent({ localAddress: address })));
  const response = await fetch(`${e2eState().gatewayUrl}${path}`, {
    method,
    dispatcher: agent,
    headers: { 'content-type': 'application/json', ...options.headers },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: body as T, headers: response.headers as unknown as Headers };
}

export async function closeAddressAgents(): Promise<void> {
  await Promise.all([...agents.values()].map((a) => a.close()));
  agents.clear();
}
