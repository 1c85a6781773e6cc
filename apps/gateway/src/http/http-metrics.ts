import type { Request, Response } from 'express';
import type { Histogram } from 'prom-client';
import { histogram } from '@airtime/platform';
import { GRAPHQL_PATH } from '../graphql/graphql-hardening.js';

/**
 * Requests by route template (`/api/v1/orders/:id`, never the URL itself: ids and query strings would
 * make a series per order), method and status class. GraphQL is one route; what matched no route
 * (404s, the docs' static files) is `other`, so a scan of random paths adds no series.
 */
const httpDuration = histogram('http_server_duration_seconds', 'HTTP requests to the gateway by route template, method and status class, until the answer is written', ['route', 'method', 'status_class']);

type Child = Histogram.Internal<'route' | 'method' | 'status_class'>;
const STATUS_CLASSES = ['1xx', '1xx', '2xx', '3xx', '4xx', '5xx'];
// route → method → [status class index]: found without building a key string per request.
const children = new Map<string, Map<string, Child[]>>();

function childOf(route: string, method: string, status: number): Child {
  let byMethod = children.get(route);
  if (!byMethod) children.set(route, (byMethod = new Map()));
  let byClass = byMethod.get(method);
  if (!byClass) byMethod.set(method, (byClass = []));
  const index = Math.min(5, Math.max(1, Math.floor(status / 100)));
  return (byClass[index] ??= httpDuration.labels(route, method, STATUS_CLASSES[index]));
}

/** Express's matched route, read once the answer is written (the router leaves it on the request). */
function routeOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof path === 'string') return path;
  return req.originalUrl.startsWith(GRAPHQL_PATH) ? GRAPHQL_PATH : 'other';
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export function recordHttpRequest(req: Request, res: Response, startedNs: bigint): void {
  childOf(routeOf(req), METHODS.has(req.method) ? req.method : 'other', res.statusCode).observe(Number(process.hrtime.bigint() - startedNs) / 1e9);
}
