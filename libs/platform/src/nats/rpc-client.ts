import { randomUUID } from 'node:crypto';
import { isErrorCode, isPlatformErrorBody, type RpcDef } from '@airtime/contracts';
import { connect, errors, headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { PlatformError } from '../errors/platform-error.js';
import { coHostedServer, IN_PROCESS_MAX_PAYLOAD, type ReplyPacket } from './co-hosting.js';
import { currentRequestId, REQUEST_ID_HEADER } from '../logging/request-context.js';
import { injectTraceHeaders } from '../tracing/tracing.js';

export interface RpcClientOptions {
  servers: string[];
  name: string;
  defaultTimeoutMs?: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Request-reply over NATS with the request id and the W3C trace context in the headers and failures turned into PlatformErrors:
 * the service's own error when it answered with one, SERVICE_UNAVAILABLE when nobody answered in time.
 *
 * It speaks the wire format of Nest's NATS transport (the handlers are Nest's), but through nats.js's
 * own request(): one shared inbox subscription for every request instead of Nest's subscribe, publish
 * and unsubscribe per request, which cost three protocol messages and a subscription's churn in
 * nats-server for each call (measured in docs/performance.md). Async stack traces are off: nats.js
 * otherwise captures a stack for every request in case it fails.
 */
export class RpcClient {
  private connection?: Promise<NatsConnection>;

  constructor(private readonly options: RpcClientOptions) {}

  /**
   * Sends `payload` to the definition's subject and answers what its handler answers. The payload's type
   * comes from the definition alone (NoInfer), so a literal of the wrong shape does not compile.
   */
  async request<Req, Res>(def: RpcDef<Req, Res>, payload: NoInfer<Req>, timeoutMs = this.options.defaultTimeoutMs ?? 5000): Promise<Res> {
    const { subject } = def;
    const headers = natsHeaders();
    const requestId = currentRequestId();
    if (requestId) headers.set(REQUEST_ID_HEADER, requestId);
    injectTraceHeaders((name, value) => headers.set(name, value));
    const body = JSON.stringify({ pattern: subject, data: payload, id: randomUUID() });
    let reply: ReplyPacket;
    try {
      // A co-hosted service (tools/co-host.mjs) answers in this process, within the same timeout.
      const local = coHostedServer(subject);
      if (local) {
        // NATS refuses a message over its max_payload; the same request co-hosted must fail alike.
        if (Buffer.byteLength(body) > IN_PROCESS_MAX_PAYLOAD) throw new Error(`request to ${subject} over ${IN_PROCESS_MAX_PAYLOAD} bytes`);
        reply = await withTimeout(local.handleInProcess(subject, body, headers), timeoutMs);
      } else {
        const connection = await this.connect();
        const message = await connection.request(subject, encoder.encode(body), { timeout: timeoutMs, headers });
        reply = JSON.parse(decoder.decode(message.data)) as ReplyPacket;
      }
    } catch (error) {
      throw toPlatformError(error, subject);
    }
    if (reply.err !== undefined && reply.err !== null) throw toPlatformError(reply.err, subject);
    return reply.response as Res;
  }

  /** A round trip to the NATS server itself, for health checks. */
  async ping(timeoutMs: number): Promise<void> {
    const connection = await this.connect();
    await Promise.race([
      connection.flush(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('NATS did not answer')), timeoutMs).unref()),
    ]);
  }

  connect(): Promise<NatsConnection> {
    this.connection ??= connect({
      servers: this.options.servers,
      name: this.options.name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      noAsyncTraces: true,
    }).catch((error: unknown) => {
      // A failed first connection is tried again by the next request, not remembered.
      this.connection = undefined;
      throw error;
    });
    return this.connection;
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    if (!connection) return;
    const nc = await connection.catch(() => undefined);
    await nc?.drain().catch(() => nc.close());
  }
}

/** The answer, or nats.js's own TimeoutError when it is late, so that a late co-hosted answer reads as a late remote one. */
function withTimeout<T>(answer: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new errors.TimeoutError()), timeoutMs);
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

function toPlatformError(error: unknown, subject: string): PlatformError {
  if (error instanceof PlatformError) return error;
  // NATS tells at once when no instance of the service is subscribed.
  if (causes(error).some((e) => e instanceof errors.NoRespondersError)) {
    return new PlatformError('SERVICE_UNAVAILABLE', `${serviceOf(subject)} is not available; try again`);
  }
  if (causes(error).some((e) => e instanceof errors.TimeoutError)) {
    return new PlatformError('SERVICE_UNAVAILABLE', `No answer from ${serviceOf(subject)} in time; try again`);
  }
  if (isPlatformErrorBody(error) && isErrorCode(error.code)) {
    return new PlatformError(error.code, error.message, error.details, error.retryAfterSeconds);
  }
  if (causes(error).some((e) => e instanceof errors.ClosedConnectionError || e instanceof errors.ConnectionError || e instanceof errors.DrainingConnectionError)) {
    return new PlatformError('SERVICE_UNAVAILABLE', `${serviceOf(subject)} cannot be reached; try again`);
  }
  return new PlatformError('INTERNAL', 'Internal error');
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e && chain.length < 5; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

function serviceOf(subject: string): string {
  const prefix = process.env['NATS_SUBJECT_PREFIX'] ?? '';
  return subject.slice(prefix.length).split('.')[0] ?? subject;
}
