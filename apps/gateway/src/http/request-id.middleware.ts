import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { type HeaderReader, REQUEST_ID_HEADER, runWithRequestId, sanitizeRequestId, startServerSpan, traceHeadersOf } from '@airtime/platform';

/**
 * Accepts the caller's X-Request-Id (or makes one), echoes it, and carries it into every NATS call;
 * likewise the trace: a server span per request when tracing is on (named after the GraphQL operation
 * or the route once they are known), the caller's traceparent passed along unchanged when it is off.
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const requestId = sanitizeRequestId(req.header(REQUEST_ID_HEADER)) ?? randomUUID();
  res.setHeader('X-Request-Id', requestId);
  const header: HeaderReader = (name) => req.header(name);
  // Probes every few seconds would bury the traces that matter.
  const span = req.path === '/health' ? undefined : startServerSpan(req.method, { 'http.request.method': req.method, 'url.path': req.path }, header);
  if (!span) {
    runWithRequestId(requestId, next, traceHeadersOf(header));
    return;
  }
  res.on('finish', () => {
    span.setName(spanName(req));
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.fail();
    span.end();
  });
  runWithRequestId(requestId, () => span.run(next));
}

/** `graphql <operationName>` for GraphQL (the operation, not the one route), else `<METHOD> <route>`. */
function spanName(req: Request): string {
  const body = req.body as { operationName?: unknown } | undefined;
  // req.path is the mounted handler's own ('/') by the time the answer is sent.
  const path = req.originalUrl.split('?')[0];
  if (path === '/graphql') {
    const operation = typeof body?.operationName === 'string' ? body.operationName : typeof req.query['operationName'] === 'string' ? req.query['operationName'] : undefined;
    return `graphql ${operation && /^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(operation) ? operation : 'operation'}`;
  }
  const route = (req.route as { path?: unknown } | undefined)?.path;
  return typeof route === 'string' ? `${req.method} ${req.baseUrl}${route}` : req.method;
}
