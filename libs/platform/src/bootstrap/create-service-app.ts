import type { DynamicModule, INestMicroservice, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { hostname } from 'node:os';
import type { ServiceName } from '@airtime/contracts';
import type { ServiceConfig } from '../config/service-config.js';
import { JsonLogger } from '../logging/json-logger.js';
import { serveServiceMetrics } from '../metrics/serve-service-metrics.js';
import { createValidationPipe } from '../nats/create-validation-pipe.js';
import { natsServers } from '../nats/create-rpc-client.js';
import { PlatformServerNats } from '../nats/platform-server-nats.js';
import { RequestContextInterceptor } from '../nats/request-context.interceptor.js';
import { RpcErrorFilter } from '../nats/rpc-error.filter.js';
import { startTracing } from '../tracing/tracing.js';

/** Each app's NATS server, for its /readyz (its own connection). */
const strategies = new WeakMap<INestMicroservice, PlatformServerNats>();

/**
 * A NATS service with the platform's conventions: one queue group per service so replicas share the
 * work, JSON logs with request ids, traces when an OTLP endpoint is configured, contract validation and
 * PlatformError replies.
 */
export async function createServiceApp(
  module: Type<unknown> | DynamicModule,
  service: ServiceName,
  config: ServiceConfig,
): Promise<INestMicroservice> {
  const logger = new JsonLogger(service, config.LOG_LEVEL);
  // Before the module graph opens its database pool, so that pg's queries can be traced.
  await startTracing(service, logger);
  const strategy = new PlatformServerNats({
    servers: natsServers(config.NATS_URL),
    queue: service,
    name: `${service}@${hostname()}:${process.pid}`,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    gracefulShutdown: config.SHUTDOWN_GRACE_MS > 0,
    gracePeriod: config.SHUTDOWN_GRACE_MS,
  });
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(module, {
    strategy,
    logger,
    bufferLogs: false,
  });
  strategies.set(app, strategy);
  app.useGlobalInterceptors(new RequestContextInterceptor(service));
  app.useGlobalFilters(new RpcErrorFilter(logger));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  return app;
}

/** The whole main() of a NATS service. */
export async function bootstrapService(
  module: Type<unknown> | DynamicModule,
  service: ServiceName,
  config: ServiceConfig,
): Promise<INestMicroservice> {
  const app = await createServiceApp(module, service, config);
  await app.listen();
  const strategy = strategies.get(app);
  if (strategy) await serveServiceMetrics(app, strategy, service, config);
  new JsonLogger(service, config.LOG_LEVEL).log(`${service} listening on NATS ${config.NATS_URL}`, 'Bootstrap');
  return app;
}
