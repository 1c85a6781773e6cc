import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { JsonLogger, startTracing } from '@airtime/platform';
import { AppModule } from './app.module.js';
import { BULK_MAX_BYTES } from './bulk/bulk-csv.js';
import type { GatewayConfig } from './config/gateway.config.js';
import { accessLogMiddleware } from './http/access-log.middleware.js';
import { requestIdMiddleware } from './http/request-id.middleware.js';
import { serveApiDocs } from './openapi/serve-api-docs.js';

/**
 * Security headers on every answer (nosniff, no framing, HSTS, a strict CSP); development keeps the
 * GraphQL sandbox page working, which loads its scripts from Apollo's CDN, and the /docs page.
 */
export function securityHeaders(config: GatewayConfig): ReturnType<typeof helmet> {
  return helmet({ contentSecurityPolicy: config.NODE_ENV === 'development' ? false : undefined });
}

export async function createGatewayApp(config: GatewayConfig): Promise<INestApplication> {
  const logger = new JsonLogger('gateway', config.LOG_LEVEL);
  await startTracing('gateway', logger);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    logger,
    bodyParser: false,
    // The parsers keep each body's exact bytes (req.rawBody): a campaign payout is signed over them.
    rawBody: true,
  });
  app.use(securityHeaders(config));
  app.use(requestIdMiddleware, accessLogMiddleware);
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  // Some upstreams post their callbacks as forms (eStoreSMS, Africa's Talking).
  app.useBodyParser('urlencoded', { limit: config.BODY_LIMIT, extended: false });
  // A bulk sheet may be sent as itself (POST /api/v1/bulk/preview); it has its own, larger limit.
  app.useBodyParser('text', { type: ['text/csv', 'application/csv'], limit: BULK_MAX_BYTES });
  app.disable('x-powered-by');
  // Per-address limits read req.ip: only the proxies TRUST_PROXY names may set it through X-Forwarded-For.
  app.set('trust proxy', config.trustProxy());
  serveApiDocs(app, config);
  app.enableShutdownHooks();
  return app;
}
