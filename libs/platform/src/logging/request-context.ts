import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** Carries the request id from the gateway through NATS headers into every log line of every service. */
export interface RequestContext {
  requestId: string;
  /**
   * The caller's W3C trace context, kept only while tracing is off (no SDK started): it is passed on
   * unchanged to the next service and its trace id logged, so a trace begun upstream stays followable.
   * With tracing on, OpenTelemetry's own context carries it instead.
   */
  trace?: TraceHeaders;
}

export interface TraceHeaders {
  traceparent: string;
  tracestate?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const REQUEST_ID_HEADER = 'x-request-id';

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** The caller's trace context held for a request while tracing is off. */
export function currentTraceHeaders(): TraceHeaders | undefined {
  return storage.getStore()?.trace;
}

export function runWithRequestId<T>(requestId: string | undefined, fn: () => T, trace?: TraceHeaders): T {
  return storage.run({ requestId: sanitizeRequestId(requestId) ?? randomUUID(), trace }, fn);
}

/** A client-supplied id is echoed in logs, so only a short, plain token is accepted. */
export function sanitizeRequestId(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : undefined;
}
