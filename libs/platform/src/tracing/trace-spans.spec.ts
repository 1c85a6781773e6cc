import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Controller, Module } from '@nestjs/common';
import { Ctx, type NatsContext, Payload } from '@nestjs/microservices';
import { IsInt, Min } from 'class-validator';
import { defineRpc } from '@airtime/contracts';
import { createServiceApp } from '../bootstrap/create-service-app.js';
import { ServiceConfig } from '../config/service-config.js';
import { PlatformError } from '../errors/platform-error.js';
import { createRpcClient } from '../nats/create-rpc-client.js';
import { RpcHandler } from '../nats/rpc-handler.js';
import type { RpcClient } from '../nats/rpc-client.js';
import { currentTraceIds, flushTracing, startServerSpan, tracingEnabled } from './tracing.js';

// Tracing on (an OTLP endpoint served by this test): a server span per handled subject, child of the
// caller's span through the traceparent in the NATS headers. Real NATS.
class HopRequest {
  @IsInt() @Min(0) hops: number;
}
interface Seen {
  traceparent: string;
  ids: { traceId: string; spanId: string } | undefined;
  next?: Seen;
}
const HOP = defineRpc('platform-test.span-hop', HopRequest).answers<Seen>();
const REFUSE = defineRpc('platform-test.span-refuse', HopRequest).answers<never>();

let onward: RpcClient;

@Controller()
class HopController {
  @RpcHandler(HOP)
  async hop(@Payload() request: HopRequest, @Ctx() nats: NatsContext): Promise<Seen> {
    const seen: Seen = { traceparent: nats.getHeaders()?.get('traceparent') ?? '', ids: currentTraceIds() };
    return request.hops > 0 ? { ...seen, next: await onward.request(HOP, { hops: request.hops - 1 }) } : seen;
  }

  @RpcHandler(REFUSE)
  refuse(): never {
    throw new PlatformError('INSUFFICIENT_FUNDS', 'Insufficient funds');
  }
}

@Module({ controllers: [HopController] })
class HopModule {}

/** A span started as a caller would, and its ids (tracing is on in this file, so there is one). */
function callerSpan(header: (name: string) => string | undefined = () => undefined, name = 'test caller') {
  const span = startServerSpan(name, {}, header);
  const ids = span?.run(() => currentTraceIds());
  if (!span || !ids) throw new Error('tracing did not start');
  return { span, ids };
}

interface Received {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  status?: { code?: number };
  service: string;
}

describe('server spans per NATS subject with tracing on', () => {
  const config = Object.assign(new ServiceConfig(), { LOG_LEVEL: 'silent' as const, SHUTDOWN_GRACE_MS: 0, NATS_URL: process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222' });
  const client = createRpcClient(config.NATS_URL, 'platform-test', 2000);
  const spans: Received[] = [];
  let receiver: Server;
  let app: Awaited<ReturnType<typeof createServiceApp>>;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          resourceSpans: { resource: { attributes: { key: string; value: { stringValue?: string } }[] }; scopeSpans: { spans: Omit<Received, 'service'>[] }[] }[];
        };
        for (const rs of body.resourceSpans) {
          const service = rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
          for (const ss of rs.scopeSpans) for (const s of ss.spans) spans.push({ ...s, service });
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    process.env['OTEL_BSP_SCHEDULE_DELAY'] = '50';
    onward = createRpcClient(config.NATS_URL, 'platform-test-onward', 2000);
    app = await createServiceApp(HopModule, 'identity', config);
    await app.listen();
  });
  afterAll(async () => {
    await client.close();
    await onward.close();
    await app.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  async function spansOf(traceId: string, count: number): Promise<Received[]> {
    for (let i = 0; i < 100; i++) {
      await flushTracing();
      const found = spans.filter((s) => s.traceId === traceId);
      if (found.length >= count) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    return spans.filter((s) => s.traceId === traceId);
  }

  it("makes each handled subject a server span under the caller's span, across two hops", async () => {
    expect(tracingEnabled()).toBe(true);
    const { span: caller, ids: callerIds } = callerSpan();
    const seen = await caller.run(() => client.request(HOP, { hops: 1 }));
    caller.end();

    // What each handler saw: the traceparent naming its caller's span, and its own span current.
    expect(seen.traceparent).toBe(`00-${callerIds.traceId}-${callerIds.spanId}-01`);
    expect(seen.ids?.traceId).toBe(callerIds.traceId);
    expect(seen.next?.traceparent).toBe(`00-${callerIds.traceId}-${seen.ids?.spanId}-01`);

    const trace = await spansOf(callerIds.traceId, 3);
    const servers = trace.filter((s) => s.name.endsWith('platform-test.span-hop'));
    expect(servers).toHaveLength(2);
    const first = servers.find((s) => s.parentSpanId === callerIds.spanId);
    expect(first).toMatchObject({ spanId: seen.ids?.spanId, kind: 2, service: 'identity' });
    expect(servers.find((s) => s.parentSpanId === first?.spanId)).toMatchObject({ spanId: seen.next?.ids?.spanId, kind: 2 });
  });

  it('marks the span of a handler that failed', async () => {
    const {
      span: caller,
      ids: { traceId },
    } = callerSpan();
    await expect(caller.run(() => client.request(REFUSE, { hops: 0 }))).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    caller.end();
    const refused = (await spansOf(traceId, 2)).find((s) => s.name.endsWith('platform-test.span-refuse'));
    expect(refused?.status?.code).toBe(2);
  });

  it('continues a trace from an incoming traceparent when there is no current span', async () => {
    const traceId = 'a'.repeat(32);
    const { span: parent } = callerSpan((name) => (name === 'traceparent' ? `00-${traceId}-${'b'.repeat(16)}-01` : undefined), 'edge');
    const seen = await parent.run(() => client.request(HOP, { hops: 0 }));
    parent.end();
    expect(seen.ids?.traceId).toBe(traceId);
    expect((await spansOf(traceId, 2)).find((s) => s.name === 'edge')?.parentSpanId).toBe('b'.repeat(16));
  });
});
