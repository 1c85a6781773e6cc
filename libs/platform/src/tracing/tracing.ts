import type { LoggerService } from '@nestjs/common';
import { type Attributes, context, diag, DiagLogLevel, propagation, type Span, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import { currentTraceHeaders, type TraceHeaders } from '../logging/request-context.js';

export const TRACEPARENT_HEADER = 'traceparent';
export const TRACESTATE_HEADER = 'tracestate';

/** Reads one header of an incoming request or message; undefined when absent. */
export type HeaderReader = (name: string) => string | undefined;

interface Started {
  tracer: Tracer;
  provider: { forceFlush(): Promise<void>; shutdown(): Promise<void> };
}

let started: Started | undefined;
let starting: Promise<void> | undefined;

/** True when spans are recorded and exported (an OTLP endpoint is configured and the SDK started). */
export function tracingEnabled(): boolean {
  return started !== undefined;
}

/** Whether the standard OpenTelemetry variables ask for traces to be exported. */
export function tracesConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['OTEL_SDK_DISABLED'] === 'true' || env['OTEL_TRACES_EXPORTER'] === 'none') return false;
  return Boolean(env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_ENDPOINT']);
}

/** Set once a process has registered the OpenTelemetry globals (co-hosted apps each start tracing). */
const TRACING_REGISTERED = Symbol.for('airtime.platform.tracing-registered');

/**
 * Starts the OpenTelemetry SDK when an OTLP endpoint is configured, before the app opens its database
 * pool (instrumentation-pg patches `pg` when TypeORM require()s it). Without an endpoint nothing is
 * loaded: the SDK's modules are imported only here, so the hot path pays for no span, only for carrying
 * an incoming traceparent along. Sampling, batching and the exporter read the standard OTEL_* variables.
 */
export function startTracing(service: string, logger?: LoggerService, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  starting ??= start(service, logger, env);
  return starting;
}

async function start(service: string, logger: LoggerService | undefined, env: NodeJS.ProcessEnv): Promise<void> {
  if (!tracesConfigured(env)) return;
  // The SDK's own complaints (a collector that refuses or is away, spans dropped from a full queue) in our logs.
  if (logger) {
    const quiet = () => undefined;
    diag.setLogger({ error: (m) => logger.error(m, 'OpenTelemetry'), warn: (m) => logger.warn(m, 'OpenTelemetry'), info: quiet, debug: quiet, verbose: quiet }, DiagLogLevel.WARN);
  }
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }, { PgInstrumentation }] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/instrumentation-pg'),
  ]);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env['OTEL_SERVICE_NAME'] || service }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // Once per process, though co-hosted apps (tools/co-host.mjs) each start their own provider: the
  // AsyncLocalStorage context manager, the W3C trace-context propagator and pg's instrumentation are
  // process-wide (pg's query spans carry the first app's name there); each app's own spans, from its
  // own provider, carry its name.
  const registered = globalThis as typeof globalThis & { [TRACING_REGISTERED]?: true };
  if (!registered[TRACING_REGISTERED]) {
    registered[TRACING_REGISTERED] = true;
    provider.register();
    // Only queries made inside a traced request: pool housekeeping and background jobs make no root spans.
    // Query text is recorded, never the bound values; a pool checkout is no span of its own.
    new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true });
  }
  started = { tracer: provider.getTracer('@airtime/platform'), provider };
}

/** Sends the spans still buffered; for a clean shutdown (spans otherwise leave within OTEL_BSP_SCHEDULE_DELAY). */
export async function flushTracing(): Promise<void> {
  await started?.provider.forceFlush().catch(() => undefined);
}

/** A request's server span, or nothing at all when tracing is off. */
export interface ServerSpan {
  /** Runs fn with this span current, so that logs, queries and outgoing requests belong to it. */
  run<T>(fn: () => T): T;
  setName(name: string): void;
  setAttribute(key: string, value: string | number | boolean): void;
  fail(error?: unknown): void;
  end(): void;
}

/**
 * Starts a SERVER span continuing the caller's trace (traceparent/tracestate read through `header`).
 * Undefined when tracing is off: the caller then keeps the incoming trace headers (traceHeadersOf).
 */
export function startServerSpan(name: string, attributes: Attributes, header: HeaderReader): ServerSpan | undefined {
  if (!started) return undefined;
  const parent = propagation.extract(context.active(), header, { keys: () => [TRACEPARENT_HEADER, TRACESTATE_HEADER], get: (read, key) => read(key) });
  const span = started.tracer.startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
  const active = trace.setSpan(parent, span);
  return {
    run: (fn) => context.with(active, fn),
    setName: (value) => span.updateName(value),
    setAttribute: (key, value) => span.setAttribute(key, value),
    fail: (error) => failSpan(span, error),
    end: () => span.end(),
  };
}

/**
 * Runs fn in a CLIENT span when tracing is on and a request is being traced; otherwise just runs fn.
 * Work outside any request (schedulers, relays) makes no root spans.
 */
export async function inClientSpan<T>(name: string, attributes: Attributes, fn: (span?: Span) => Promise<T>): Promise<T> {
  if (!started || !trace.getSpan(context.active())) return fn();
  return started.tracer.startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      failSpan(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** A well-formed incoming trace context, kept as-is while tracing is off; anything else is dropped. */
export function traceHeadersOf(header: HeaderReader): TraceHeaders | undefined {
  const traceparent = header(TRACEPARENT_HEADER);
  if (!traceparent || !TRACEPARENT.test(traceparent) || traceparent.startsWith('ff') || traceparent.slice(3, 35) === ZERO_TRACE) return undefined;
  const tracestate = header(TRACESTATE_HEADER);
  return tracestate && tracestate.length <= 512 ? { traceparent, tracestate } : { traceparent };
}

/** Writes the current trace context into outgoing headers: the active span's, or the one carried while off. */
export function injectTraceHeaders(set: (name: string, value: string) => void): void {
  if (started) {
    propagation.inject(context.active(), set, { set: (write, key, value) => write(key, value) });
    return;
  }
  const carried = currentTraceHeaders();
  if (!carried) return;
  set(TRACEPARENT_HEADER, carried.traceparent);
  if (carried.tracestate) set(TRACESTATE_HEADER, carried.tracestate);
}

/** The trace and span ids for a log line, when inside a trace (while off: the caller's ids, as received). */
export function currentTraceIds(): { traceId: string; spanId: string } | undefined {
  if (started) {
    const span = trace.getSpan(context.active());
    if (!span) return undefined;
    const { traceId, spanId } = span.spanContext();
    return { traceId, spanId };
  }
  const carried = currentTraceHeaders();
  return carried ? { traceId: carried.traceparent.slice(3, 35), spanId: carried.traceparent.slice(36, 52) } : undefined;
}

const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;
const ZERO_TRACE = '0'.repeat(32);

function failSpan(span: Span, error: unknown): void {
  // The error's name and message only: a stack or a payload has no place in an exported span.
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? `${error.name}: ${error.message}` : undefined });
}
