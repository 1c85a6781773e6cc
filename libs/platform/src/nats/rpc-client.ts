import { isErrorCode, isPlatformErrorBody, type RpcDef } from '@airtime/contracts';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { type ClientProxy, NatsRecordBuilder } from '@nestjs/microservices';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { PlatformError } from '../errors/platform-error.js';
import { currentRequestId, REQUEST_ID_HEADER } from '../logging/request-context.js';

/**
 * Request-reply over NATS with the request id in the headers and failures turned into PlatformErrors:
 * the service's own error when it answered with one, SERVICE_UNAVAILABLE when nobody answered in time.
 */
export class RpcClient {
  constructor(
    private readonly proxy: ClientProxy,
    private readonly defaultTimeoutMs = 5000,
  ) {}

  /**
   * Sends `payload` to the definition's subject and answers what its handler answers. The payload's type
   * comes from the definition alone (NoInfer), so a literal of the wrong shape does not compile.
   */
  async request<Req, Res>(def: RpcDef<Req, Res>, payload: NoInfer<Req>, timeoutMs = this.defaultTimeoutMs): Promise<Res> {
    const { subject } = def;
    const headers = natsHeaders();
    const requestId = currentRequestId();
    if (requestId) headers.set(REQUEST_ID_HEADER, requestId);
    const record = new NatsRecordBuilder(payload).setHeaders(headers).build();
    try {
      return await firstValueFrom(this.proxy.send<Res>(subject, record).pipe(timeout(timeoutMs)));
    } catch (error) {
      throw toPlatformError(error, subject);
    }
  }

  /** A round trip to the NATS server itself, for health checks. */
  async ping(timeoutMs: number): Promise<void> {
    await this.proxy.connect();
    const connection = this.proxy.unwrap<{ flush(): Promise<void> }>();
    await Promise.race([
      connection.flush(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('NATS did not answer')), timeoutMs).unref()),
    ]);
  }

  connect(): Promise<unknown> {
    return this.proxy.connect();
  }

  close(): Promise<unknown> {
    return Promise.resolve(this.proxy.close());
  }
}

function toPlatformError(error: unknown, subject: string): PlatformError {
  if (error instanceof PlatformError) return error;
  // NATS tells at once when no instance of the service is subscribed.
  if (error instanceof Error && error.constructor.name === 'EmptyResponseException') {
    return new PlatformError('SERVICE_UNAVAILABLE', `${serviceOf(subject)} is not available; try again`);
  }
  if (error instanceof TimeoutError) {
    return new PlatformError('SERVICE_UNAVAILABLE', `No answer from ${serviceOf(subject)} in time; try again`);
  }
  if (isPlatformErrorBody(error) && isErrorCode(error.code)) {
    return new PlatformError(error.code, error.message, error.details, error.retryAfterSeconds);
  }
  return new PlatformError('INTERNAL', 'Internal error');
}

function serviceOf(subject: string): string {
  const prefix = process.env['NATS_SUBJECT_PREFIX'] ?? '';
  return subject.slice(prefix.length).split('.')[0] ?? subject;
}
