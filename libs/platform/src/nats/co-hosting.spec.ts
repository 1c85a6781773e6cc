import { Controller, Module } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { IsInt, Min } from 'class-validator';
import { defineRpc, HealthRequest } from '@airtime/contracts';
import { createServiceApp } from '../bootstrap/create-service-app.js';
import { ServiceConfig } from '../config/service-config.js';
import { PlatformError } from '../errors/platform-error.js';
import { currentRequestId, currentService, runWithRequestId } from '../logging/request-context.js';
import { coHostedServer, enableCoHosting } from './co-hosting.js';
import { createRpcClient } from './create-rpc-client.js';
import { RpcHandler } from './rpc-handler.js';

// The apps are real Nest microservices on the real NATS; the client points at a port where no NATS
// listens, so a request that is answered was answered in this process.
class CountRequest {
  @IsInt() @Min(1) count: number;
}

const ECHO = defineRpc('platform-co-host.echo', CountRequest).answers<{ count: number; requestId: string | undefined; service: string | undefined }>();
const BIG = defineRpc('platform-co-host.big', CountRequest).answers<{ text: string }>();
const FAIL = defineRpc('platform-co-host.fail', HealthRequest).answers<never>();
const SLOW = defineRpc('platform-co-host.slow', HealthRequest).answers<{ ok: true }>();

@Controller()
class CoHostedController {
  @RpcHandler(ECHO)
  echo(@Payload() request: CountRequest) {
    return { count: request.count, requestId: currentRequestId(), service: currentService() };
  }

  @RpcHandler(BIG)
  big(@Payload() request: CountRequest) {
    return { text: 'x'.repeat(request.count) };
  }

  @RpcHandler(FAIL)
  fail(): never {
    throw new PlatformError('INSUFFICIENT_FUNDS', 'Insufficient funds', { needed: '500' });
  }

  @RpcHandler(SLOW)
  async slow() {
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { ok: true as const };
  }
}

@Module({ controllers: [CoHostedController] })
class CoHostedModule {}

const SERVERS = Symbol.for('airtime.platform.co-hosted-servers');
const config = Object.assign(new ServiceConfig(), { LOG_LEVEL: 'silent' as const, SHUTDOWN_GRACE_MS: 0, NATS_URL: process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222' });

describe('a service in a process that does not co-host', () => {
  it('offers its subjects over NATS only', async () => {
    const app = await createServiceApp(CoHostedModule, 'identity', config);
    await app.listen();
    try {
      expect(coHostedServer(ECHO.subject)).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});

describe('co-hosted services (tools/co-host.mjs)', () => {
  const offline = createRpcClient('nats://127.0.0.1:1', 'platform-co-host-test', 2000);
  let app: Awaited<ReturnType<typeof createServiceApp>>;

  beforeAll(async () => {
    enableCoHosting();
    app = await createServiceApp(CoHostedModule, 'identity', config);
    await app.listen();
  });
  afterAll(async () => {
    await offline.close();
    await app?.close();
    delete (globalThis as Record<symbol, unknown>)[SERVERS];
  });

  it("answers a request in the process, with the caller's request id, without NATS", async () => {
    const answer = await runWithRequestId('req-co-1', () => offline.request(ECHO, { count: 3 }));
    expect(answer).toMatchObject({ count: 3, requestId: 'req-co-1' });
  });

  it("runs the handler as its own app, whose name its logs carry, not as the calling app", async () => {
    const answer = await runWithRequestId('req-co-2', () => offline.request(ECHO, { count: 1 }), undefined, 'orders');
    expect(answer).toEqual({ count: 1, requestId: 'req-co-2', service: 'identity' });
  });

  it('refuses what NATS would not carry (over 1 MiB), a request or an answer', async () => {
    const request = await offline.request(ECHO, { count: 1, pad: 'x'.repeat(1024 * 1024) } as CountRequest).catch((e: unknown) => e);
    expect(request).toMatchObject({ code: 'INTERNAL' });
    const answer = await offline.request(BIG, { count: 1024 * 1024 + 1 }).catch((e: unknown) => e);
    expect(answer).toMatchObject({ code: 'INTERNAL' });
    expect(await offline.request(BIG, { count: 1000 })).toEqual({ text: 'x'.repeat(1000) });
  });

  it('validates against the contract as over NATS, naming bad and unknown fields', async () => {
    await expect(offline.request(ECHO, { count: 0, extra: true } as CountRequest)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { count: ['count must not be less than 1'], extra: ['property extra should not exist'] } },
    });
  });

  it("returns the service's PlatformError as one", async () => {
    const error = await offline.request(FAIL, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({ code: 'INSUFFICIENT_FUNDS', details: { needed: '500' } });
  });

  it('gives up after the timeout, as a request over NATS does', async () => {
    const error = (await offline.request(SLOW, {}, 100).catch((e: unknown) => e)) as PlatformError;
    expect(error).toBeInstanceOf(PlatformError);
    expect(error.code).toBe('SERVICE_UNAVAILABLE');
    expect(error.message).toContain('in time');
  });

  it('withdraws its subjects when it closes, so callers go over NATS to a replica that is not closing', async () => {
    expect(coHostedServer(ECHO.subject)).toBeDefined();
    await app.close();
    expect(coHostedServer(ECHO.subject)).toBeUndefined();
    const error = (await offline.request(ECHO, { count: 1 }, 300).catch((e: unknown) => e)) as PlatformError;
    expect(error.code).toBe('SERVICE_UNAVAILABLE');
  });
});
