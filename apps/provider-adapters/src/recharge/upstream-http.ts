import { EventEmitter } from 'node:events';
import { Agent, type Dispatcher, request } from 'undici';
import { SpanStatusCode } from '@opentelemetry/api';
import { inClientSpan, tracingEnabled } from '@airtime/platform';

/** What came back over HTTP, or why nothing usable did. */
export type HttpAnswer =
  | { kind: 'answer'; status: number; text: string; json: unknown }
  | { kind: 'timeout' }
  | { kind: 'unreachable'; message: string };

/** 1 MiB: far above any documented answer, far below what would hurt a replica's memory. */
export const DEFAULT_UPSTREAM_MAX_BODY_BYTES = 1024 * 1024;

/** How long a connection may take to open; the call's own deadline (timeoutMs) still bounds it. */
const CONNECT_TIMEOUT_MS = 10_000;

let maxBodyBytes = DEFAULT_UPSTREAM_MAX_BODY_BYTES;

/**
 * Set once at start-up from UPSTREAM_MAX_BODY_BYTES. Process-wide because every adapter (and Pesepay)
 * calls upstreamHttp, and the limit protects the process, not one upstream.
 */
export function limitUpstreamBodies(bytes: number): void {
  maxBodyBytes = bytes;
}

/**
 * Every upstream call of the process goes through one pool of kept-alive connections per origin.
 * undici's request() rather than fetch(): fetch wraps each call in WHATWG Request/Response/stream
 * objects that cost more CPU than the call itself (docs/performance.md). request() follows no
 * redirects: a 3xx is an answer, which every adapter reads as unknown (never as a refusal). Idle
 * connections hold no process open (undici unrefs them), as with fetch's global pool before.
 */
const agent = new Agent({ connect: { timeout: CONNECT_TIMEOUT_MS } });

/**
 * One HTTP call to an upstream with a hard timeout over the whole call (connecting, sending, the
 * answer's headers and its body). Never throws: an adapter decides what a timeout or a refused
 * connection means (always `unknown` for a send). `json` is undefined when the body is not JSON. A
 * body larger than the limit is not read: it is reported as `unreachable` (no usable answer), so that
 * a send stays `unknown` and is never read as a refusal.
 */
export function upstreamHttp(url: string, init: UpstreamRequest): Promise<HttpAnswer> {
  if (!tracingEnabled()) return callUpstream(url, init);
  // Origin and path only: a query string may carry an upstream's credentials. No traceparent is sent:
  // upstreams are third parties.
  const target = new URL(url);
  const attributes = { 'http.request.method': init.method, 'server.address': target.hostname, 'server.port': Number(target.port) || (target.protocol === 'https:' ? 443 : 80), 'url.path': target.pathname };
  return inClientSpan(`${init.method} ${target.host}`, attributes, async (span) => {
    const answer = await callUpstream(url, init);
    if (answer.kind === 'answer') span?.setAttribute('http.response.status_code', answer.status);
    else span?.setStatus({ code: SpanStatusCode.ERROR, message: answer.kind });
    return answer;
  });
}

type UpstreamRequest = { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; timeoutMs: number; maxBodyBytes?: number };

async function callUpstream(url: string, init: UpstreamRequest): Promise<HttpAnswer> {
  const limit = init.maxBodyBytes ?? maxBodyBytes;
  // undici takes an EventEmitter as the abort signal: a plain one costs less than an AbortController.
  const deadline = new EventEmitter();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    deadline.emit('abort');
  }, init.timeoutMs);
  try {
    const response = await request(url, { dispatcher: agent, method: init.method, headers: headersFor(init), body: init.body, signal: deadline });
    const text = await readText(response, limit);
    if (text === null) return { kind: 'unreachable', message: `answer body larger than ${limit} bytes; not read` };
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { kind: 'answer', status: response.statusCode, text, json };
  } catch (error) {
    // Whatever undici says once the deadline has passed (aborted, socket closed), it is the deadline.
    if (timedOut) return { kind: 'timeout' };
    return { kind: 'unreachable', message: messageOf(error) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The caller's headers over what fetch used to send by default, so that an upstream sees the same
 * request as before: a body without a declared type is text, and the client names itself.
 * (fetch's accept-encoding is not sent: answers come uncompressed, and are counted as read.)
 */
function headersFor(init: { headers?: Record<string, string>; body?: string }): Record<string, string> {
  const given = init.headers ?? {};
  let accept = false;
  let agentNamed = false;
  let typed = false;
  for (const name in given) {
    const lower = name.toLowerCase();
    if (lower === 'accept') accept = true;
    else if (lower === 'user-agent') agentNamed = true;
    else if (lower === 'content-type') typed = true;
  }
  const headers: Record<string, string> = { ...given };
  if (!accept) headers['accept'] = '*/*';
  if (!agentNamed) headers['user-agent'] = 'node';
  if (init.body !== undefined && !typed) headers['content-type'] = 'text/plain;charset=UTF-8';
  return headers;
}

/** undici's errors carry the system's words (ECONNREFUSED, a reset) in the message or its cause. */
function messageOf(error: unknown): string {
  const message = (error as Error)?.message ?? String(error);
  const cause = (error as { cause?: { message?: string } })?.cause?.message;
  return cause && cause !== message ? `${message}: ${cause}` : message;
}

/**
 * The body as text, or null once it passes `limit` bytes. A declared content-length over the limit
 * is refused unread; otherwise bytes are counted while streaming (a body may declare no length), and
 * the connection is cut rather than the rest downloaded.
 */
async function readText(response: Dispatcher.ResponseData, limit: number): Promise<string | null> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    cut(response.body);
    return null;
  }
  // A declared length within the limit bounds the body: undici reads no further than it.
  if (response.headers['content-length'] !== undefined && Number.isFinite(declared)) return response.body.text();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += (chunk as Buffer).byteLength;
    if (size > limit) {
      cut(response.body);
      return null;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Hangs up on a body rather than reading it; the abort it reports is the point, not an error. */
function cut(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined).destroy();
}
