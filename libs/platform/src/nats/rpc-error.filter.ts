import { type ArgumentsHost, Catch, type LoggerService, type RpcExceptionFilter } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';
import type { PlatformErrorBody } from '@airtime/contracts';
import { PlatformError } from '../errors/platform-error.js';

/**
 * Sends a PlatformError's body back to the caller as is; anything else is a bug, logged here with its
 * stack and answered with a bare INTERNAL so no internals leak across the wire.
 */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  constructor(private readonly logger: LoggerService) {}

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    if (exception instanceof PlatformError) return throwError(() => exception.toBody());
    this.logger.error(exception instanceof Error ? exception : String(exception), 'RpcErrorFilter');
    const body: PlatformErrorBody = { code: 'INTERNAL', message: 'Internal error' };
    return throwError(() => body);
  }
}
