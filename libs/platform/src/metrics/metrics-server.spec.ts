import { Controller, Module } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { IsInt, Min } from 'class-validator';
import { createServer } from 'node:net';
import { defineRpc, HealthRequest } from '@airtime/contracts';
import { bootstrapService } from '../bootstrap/create-service-app.js';
import { ServiceConfig } from '../config/service-config.js';
import { PlatformError } from '../errors/platform-error.js';
import { createRpcClient } from '../nats/create-rpc-client.js';
import { RpcHandler } from '../nats/rpc-handler.js';

// Real NATS (the test file's own subject prefix) and a real HTTP scrape of the service's METRICS_PORT.
class CountRequest {
  @IsInt() @Min(1) count: number;
}

const COUNT = defineRpc('metrics-test.count', CountRequest).answers<{ count: number }>();
const REFUSE = defineRpc('metrics-test.refuse', HealthRequest).answers<never>();
const CRASH = defineRpc('metrics-test.crash', HealthRequest).answers<never>();

@Controller()
class TestController {
  @RpcHandler(COUNT)
  count(@Payload() request: { count: number }) {
    return { count: request.count };
  }

  @RpcHandler(REFUSE)
  refuse(): never {
    throw new PlatformError('INSUFFICIENT_FUNDS', 'Insufficient funds');
  }

  @RpcHandler(CRASH)
  crash(): never {
    throw new Error('boom');
  }
}

@Module({ controllers: [TestController] })
class TestModule {}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The value of the series `name` whose labels include `labels` (a subject matched without its test prefix); undefined when absent. */
function valueOf(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^(\w+)\{(.*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const has = Object.fromEntries([...match[2].matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => (k === 'subject' ? has[k]?.endsWith(v) : has[k] === v))) return Number(match[3]);
  }
  return undefined;
}

describe("a service's internal metrics port", () => {
  let base: string;
  let app: Awaited<ReturnType<typeof bootstrapService>>;
  const client = createRpcClient(process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222', 'metrics-test', 2000);

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const config = Object.assign(new ServiceConfig(), {
      LOG_LEVEL: 'silent' as const, SHUTDOWN_GRACE_MS: 0, NATS_URL: process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222', METRICS_PORT: port, METRICS_HOST: '127.0.0.1',
    });
    app = await bootstrapService(TestModule, 'identity', config);
  });
  afterAll(async () => {
    await client.close();
    await app.close().catch(() => undefined);
  });

  it('counts and times requests per subject and outcome, after real requests over NATS', async () => {
    for (let i = 1; i <= 3; i++) await client.request(COUNT, { count: i });
    await expect(client.request(REFUSE, {})).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    await expect(client.request(CRASH, {})).rejects.toMatchObject({ code: 'INTERNAL' });
    // A payload the contract refuses is a refusal too, answered by the same layer.
    await expect(client.request(COUNT, { count: 0 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });

    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    const count = (subject: string, outcome: string) => valueOf(text, 'airtime_rpc_server_duration_seconds_count', { service: 'identity', subject: `.${subject}`, outcome });
    expect(count('metrics-test.count', 'ok')).toBe(3);
    expect(count('metrics-test.count', 'refused')).toBe(1);
    expect(count('metrics-test.refuse', 'refused')).toBe(1);
    expect(count('metrics-test.crash', 'error')).toBe(1);
    expect(valueOf(text, 'airtime_rpc_server_duration_seconds_bucket', { subject: '.metrics-test.count', outcome: 'ok', le: '+Inf' })).toBe(3);
    // Node's own, under their standard names.
    expect(text).toContain('process_cpu_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('answers /livez from the event loop and /readyz with its own NATS connection', async () => {
    const live = await fetch(`${base}/livez`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { nats: true } });
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('is not ready once the service has begun to shut down, and still alive', async () => {
    await app.close();
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'not ready', checks: { nats: false } });
    expect((await fetch(`${base}/livez`)).status).toBe(200);
  });
});
