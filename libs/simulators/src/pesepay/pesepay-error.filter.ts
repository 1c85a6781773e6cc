import { type ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Request, Response } from 'express';

/**
 * Pesepay answers every error as `{"message": "..."}`. Errors raised before a route is reached (a
 * body that is not JSON, an unknown path) never see a controller's filters, so this one is global and
 * reshapes Nest's own errors under `/pesepay/` only; everything else keeps Nest's default answer.
 */
@Catch(HttpException)
export class PesepayErrorFilter extends BaseExceptionFilter {
  override catch(exception: HttpException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    if (!request.path.startsWith('/pesepay/')) return super.catch(exception, host);
    const body = exception.getResponse();
    const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(exception.getStatus())
      .json({ message: Array.isArray(message) ? message.join('; ') : String(message ?? exception.message) });
  }
}
