import { type CallHandler, type ExecutionContext, Logger, type NestInterceptor } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { finalize, Observable, tap } from 'rxjs';
import { REQUEST_ID_HEADER, runWithRequestId } from '../logging/request-context.js';
import { type HeaderReader, startServerSpan, traceHeadersOf } from '../tracing/tracing.js';

/**
 * Runs each NATS handler inside the request id and the trace its caller sent (a server span per
 * handled subject when tracing is on; the caller's traceparent carried along unchanged when it is off),
 * so the service's logs and onward requests carry them, and logs the handled subject and its duration
 * at debug level.
 */
export class RequestContextInterceptor implements NestInterceptor {
  private readonly logger = new Logger('RPC');

  /** `service`: this app's name, for a request a co-hosted app hands over in the process (its caller's context is another app's). */
  constructor(private readonly service?: string) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const nats = context.switchToRpc().getContext<NatsContext>();
    const headers = nats.getHeaders?.();
    const header: HeaderReader = (name) => headers?.get?.(name) || undefined;
    const requestId = header(REQUEST_ID_HEADER);
    const subject = nats.getSubject();
    const started = Date.now();
    return new Observable((subscriber) => {
      const span = startServerSpan(subject, { 'messaging.system': 'nats', 'messaging.destination.name': subject, 'messaging.operation.type': 'process' }, header);
      const handle = () =>
        next
          .handle()
          .pipe(
            tap({ error: (error: unknown) => span?.fail(error) }),
            finalize(() => {
              span?.end();
              this.logger.debug({ msg: 'handled', subject, durationMs: Date.now() - started });
            }),
          )
          .subscribe(subscriber);
      return span ? runWithRequestId(requestId, () => span.run(handle), undefined, this.service) : runWithRequestId(requestId, handle, traceHeadersOf(header), this.service);
    });
  }
}
