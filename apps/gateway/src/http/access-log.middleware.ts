import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { currentRequestId, currentTraceIds } from '@airtime/platform';
import { recordHttpRequest } from './http-metrics.js';

const logger = new Logger('HTTP');

/** One line per request, with its request id, status and duration; never headers or bodies (keys, PINs). */
export function accessLogMiddleware(req: Request, res: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  const requestId = currentRequestId();
  // 'finish' is emitted outside the request's context: its ids are taken now.
  const ids = currentTraceIds();
  res.on('finish', () => {
    recordHttpRequest(req, res, started);
    logger.log({
      msg: 'request',
      requestId,
      ...(ids && { trace_id: ids.traceId, span_id: ids.spanId }),
      method: req.method,
      path: req.path,
      status: res.statusCode,
      durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
    });
  });
  next();
}
