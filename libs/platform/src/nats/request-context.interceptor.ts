import { type CallHandler, type ExecutionContext, Logger, type NestInterceptor } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { finalize, Observable } from 'rxjs';
import { REQUEST_ID_HEADER, runWithRequestId } from '../logging/request-context.js';

/**
 * Runs each NATS handler inside the request id its caller sent, so the service's logs carry it, and
 * logs the handled subject and its duration at debug level.
 */
export class RequestContextInterceptor implements NestInterceptor {
  private readonly logger = new Logger('RPC');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const nats = context.switchToRpc().getContext<NatsContext>();
    const requestId = nats.getHeaders?.()?.get?.(REQUEST_ID_HEADER) || undefined;
    const started = Date.now();
    return new Observable((subscriber) =>
      runWithRequestId(requestId, () =>
        next
          .handle()
          .pipe(finalize(() => this.logger.debug({ msg: 'handled', subject: nats.getSubject(), durationMs: Date.now() - started })))
          .subscribe(subscriber),
      ),
    );
  }
}
