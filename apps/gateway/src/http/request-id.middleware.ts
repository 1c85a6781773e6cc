import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { REQUEST_ID_HEADER, runWithRequestId, sanitizeRequestId } from '@airtime/platform';

/** Accepts the caller's X-Request-Id (or makes one), echoes it, and carries it into every NATS call. */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const requestId = sanitizeRequestId(req.header(REQUEST_ID_HEADER)) ?? randomUUID();
  res.setHeader('X-Request-Id', requestId);
  runWithRequestId(requestId, next);
}
