import { Controller, Module } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { IsInt, Min } from 'class-validator';
import { defineRpc, HealthRequest } from '@airtime/contracts';
import { createServiceApp } from '../bootstrap/create-service-app.js';
import { ServiceConfig } from '../config/service-config.js';
import { PlatformError } from '../errors/platform-error.js';
import { currentRequestId, runWithRequestId } from '../logging/request-context.js';
import { createRpcClient } from './create-rpc-client.js';
import { RpcHandler } from './rpc-handler.js';

// Real NATS; the subjects carry this test file's own prefix (tools/jest/setup-env.js).
class EchoRequest {
  @IsInt() @Min(1) count: number;
}

const ECHO = defineRpc('platform-test.echo', EchoRequest).answers<{ count: number; requestId: string | undefined }>();
const FAIL = defineRpc('platform-test.fail', HealthRequest).answers<never>();
const CRASH = defineRpc('platform-test.crash', HealthRequest).answers<never>();
const NOBODY_HOME = defineRpc('platform-test.nobody-home', HealthRequest).answers<never>();

@Controller()
class TestController {
  // Annotated loosely on purpose: the definition, not the annotation, names the class validated against.
  @RpcHandler(ECHO)
  echo(@Payload() request: { count: number }) {
    return { count: request.count, requestId: currentRequestId() };
  }

  @RpcHandler(FAIL)
  fail(): never {
    throw new PlatformError('INSUFFICIENT_FUNDS', 'Insufficient funds', { needed: '500' });
  }

  @RpcHandler(CRASH)
  crash(): never {
    throw new Error('database password is hunter2');
  }
}

@Module({ controllers: [TestController] })
class TestModule {}

describe('request-reply between services over NATS', () => {
  const config = Object.assign(new ServiceConfig(), { LOG_LEVEL: 'silent' as const, SHUTDOWN_GRACE_MS: 0, NATS_URL: process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222' });
  const client = createRpcClient(config.NATS_URL, 'platform-test', 2000);
  let app: Awaited<ReturnType<typeof createServiceApp>>;

  beforeAll(async () => {
    app = await createServiceApp(TestModule, 'identity', config);
    await app.listen();
  });
  afterAll(async () => {
    await client.close();
    await app.close();
  });

  it("carries the caller's request id into the handler", async () => {
    const answer = await runWithRequestId('req-42', () => client.request(ECHO, { count: 1 }));
    expect(answer).toEqual({ count: 1, requestId: 'req-42' });
  });

  it('validates the payload against its contract, naming bad and unknown fields', async () => {
    await expect(client.request(ECHO, { count: 0, extra: true } as EchoRequest)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { count: ['count must not be less than 1'], extra: ['property extra should not exist'] } },
    });
  });

  it("returns a service's PlatformError to the caller as one", async () => {
    const error = await client.request(FAIL, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({ code: 'INSUFFICIENT_FUNDS', message: 'Insufficient funds', details: { needed: '500' } });
  });

  it('hides an unexpected error behind INTERNAL', async () => {
    const error = (await client.request(CRASH, {}).catch((e: unknown) => e)) as PlatformError;
    expect(error.code).toBe('INTERNAL');
    expect(error.message).not.toContain('hunter2');
  });

  it('turns silence into SERVICE_UNAVAILABLE instead of hanging', async () => {
    const error = (await client.request(NOBODY_HOME, {}, 300).catch((e: unknown) => e)) as PlatformError;
    expect(error.code).toBe('SERVICE_UNAVAILABLE');
  });
});
