import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** Carries the request id from the gateway through NATS headers into every log line of every service. */
export interface RequestContext {
  /** Unset only in a co-hosting process's context of an app as a whole (its start, its timers, its consumers). */
  requestId?: string;
  /**
   * The app whose work this is, when several share a process (tools/co-host.mjs): what its log lines
   * are labelled with. Unset in a process of one app, which labels them with its own name.
   */
  service?: string;
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

/**
 * One store per process, keyed with Symbol.for: co-hosted apps each load their own copy of this module,
 * and a request handed from one to another in the process must carry its id into the other's logs.
 */
const STORAGE = Symbol.for('airtime.platform.request-context');
const storage: AsyncLocalStorage<RequestContext> = ((globalThis as typeof globalThis & { [STORAGE]?: AsyncLocalStorage<RequestContext> })[STORAGE] ??=
  new AsyncLocalStorage<RequestContext>());

export const REQUEST_ID_HEADER = 'x-request-id';

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** The caller's trace context held for a request while tracing is off. */
export function currentTraceHeaders(): TraceHeaders | undefined {
  return storage.getStore()?.trace;
}

/** The co-hosted app whose work is running (see RequestContext.service). */
export function currentService(): string | undefined {
  return storage.getStore()?.service;
}

/** Runs `fn` as one request; `service` names the app handling it, else it stays the app whose context this is. */
export function runWithRequestId<T>(requestId: string | undefined, fn: () => T, trace?: TraceHeaders, service = storage.getStore()?.service): T {
  return storage.run({ requestId: sanitizeRequestId(requestId) ?? randomUUID(), trace, ...(service ? { service } : {}) }, fn);
}

/** A client-supplied id is echoed in logs, so only a short, plain token is accepted. */
export function sanitizeRequestId(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : undefined;
}
