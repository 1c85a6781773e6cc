import 'reflect-metadata';
import { jest } from '@jest/globals';
import { Controller, Module } from '@nestjs/common';
import { Ctx, type NatsContext, Payload } from '@nestjs/microservices';
import { IsInt, Min } from 'class-validator';
import { defineRpc } from '@airtime/contracts';
import { createServiceApp } from '../bootstrap/create-service-app.js';
import { ServiceConfig } from '../config/service-config.js';
import { JsonLogger } from '../logging/json-logger.js';
import { runWithRequestId } from '../logging/request-context.js';
import { createRpcClient } from '../nats/create-rpc-client.js';
import { RpcHandler } from '../nats/rpc-handler.js';
import type { RpcClient } from '../nats/rpc-client.js';
import { currentTraceIds, tracingEnabled } from './tracing.js';

// Tracing off (no OTLP endpoint): no span is recorded, but a caller's W3C trace context still travels
// in the NATS headers from service to service, and its trace id is in every log line. Real NATS.
class HopRequest {
  @IsInt() @Min(0) hops: number;
}
interface Seen {
  traceparent: string;
  tracestate: string;
  ids: { traceId: string; spanId: string } | undefined;
  next?: Seen;
}
const HOP = defineRpc('platform-test.trace-hop', HopRequest).answers<Seen>();

let onward: RpcClient;
/** Only the first test reads the log lines; the others stay quiet. */
let logging = false;

@Controller()
class HopController {
  private readonly logger = new JsonLogger('identity', 'log');

  @RpcHandler(HOP)
  async hop(@Payload() request: HopRequest, @Ctx() nats: NatsContext): Promise<Seen> {
    if (logging) this.logger.log('hop', 'HopController');
    const seen: Seen = { traceparent: nats.getHeaders()?.get('traceparent') ?? '', tracestate: nats.getHeaders()?.get('tracestate') ?? '', ids: currentTraceIds() };
    return request.hops > 0 ? { ...seen, next: await onward.request(HOP, { hops: request.hops - 1 }) } : seen;
  }
}

@Module({ controllers: [HopController] })
class HopModule {}

describe('W3C trace context over NATS with tracing off', () => {
  const config = Object.assign(new ServiceConfig(), { LOG_LEVEL: 'silent' as const, SHUTDOWN_GRACE_MS: 0, NATS_URL: process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222' });
  const client = createRpcClient(config.NATS_URL, 'platform-test', 2000);
  let app: Awaited<ReturnType<typeof createServiceApp>>;

  beforeAll(async () => {
    delete process.env['OTEL_EXPORTER_OTLP_ENDPOINT'];
    delete process.env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'];
    onward = createRpcClient(config.NATS_URL, 'platform-test-onward', 2000);
    app = await createServiceApp(HopModule, 'identity', config);
    await app.listen();
  });
  afterAll(async () => {
    await client.close();
    await onward.close();
    await app.close();
  });

  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const traceparent = `00-${traceId}-00f067aa0ba902b7-01`;

  it('passes the caller’s traceparent and tracestate unchanged through every hop, and logs its ids', async () => {
    expect(tracingEnabled()).toBe(false);
    logging = true;
    const lines: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const seen = await runWithRequestId('req-trace', () => client.request(HOP, { hops: 1 }), { traceparent, tracestate: 'vendor=a' });
      const hop = { traceparent, tracestate: 'vendor=a', ids: { traceId, spanId: '00f067aa0ba902b7' } };
      expect(seen).toEqual({ ...hop, next: hop });
    } finally {
      logging = false;
      write.mockRestore();
    }
    const logged = lines.filter((l) => l.includes('"hop"')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged).toHaveLength(2);
    for (const line of logged) expect(line).toMatchObject({ requestId: 'req-trace', trace_id: traceId, span_id: '00f067aa0ba902b7' });
  });

  it('sends no trace headers and logs no trace id outside a trace', async () => {
    const seen = await runWithRequestId('req-plain', () => client.request(HOP, { hops: 1 }));
    expect(seen).toEqual({ traceparent: '', tracestate: '', ids: undefined, next: { traceparent: '', tracestate: '', ids: undefined } });
  });

  it('drops a malformed or invalid traceparent at the first service instead of passing it on', async () => {
    for (const bad of ['00-xyz-00f067aa0ba902b7-01', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`, `ff-${traceId}-00f067aa0ba902b7-01`]) {
      const seen = await runWithRequestId('req-bad', () => client.request(HOP, { hops: 1 }), { traceparent: bad });
      expect(seen.traceparent).toBe(bad);
      expect(seen.ids).toBeUndefined();
      expect(seen.next).toEqual({ traceparent: '', tracestate: '', ids: undefined });
    }
  });
});
