import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { currentRequestId } from '@airtime/platform';

const logger = new Logger('HTTP');

/** One line per request, with its request id, status and duration; never headers or bodies (keys, PINs). */
export function accessLogMiddleware(req: Request, res: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  const requestId = currentRequestId();
  res.on('finish', () => {
    logger.log({
      msg: 'request',
      requestId,
      method: req.method,
      path: req.path,
      status: res.statusCode,
      durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
    });
  });
  next();
}
