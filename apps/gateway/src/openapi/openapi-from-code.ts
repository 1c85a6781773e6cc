import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { loadConfig } from '@airtime/platform';
import { AppModule } from '../app.module.js';
import { GatewayConfig } from '../config/gateway.config.js';
import { buildOpenApiDocument } from './openapi-document.js';

/**
 * The document as the code declares it, without NATS, PostgreSQL or Redis: `preview` builds the module
 * graph (controllers and their metadata) but instantiates no provider, so nothing connects. The
 * settings only have to pass validation; no value of theirs reaches the document.
 */
export async function openApiDocumentFromCode(): Promise<OpenAPIObject> {
  const config = loadConfig(GatewayConfig, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: 'postgres://openapi@127.0.0.1/openapi',
    JWT_SECRET: 'openapi-document-generation-needs-no-secret',
  });
  const app = await NestFactory.create(AppModule.register(config), { preview: true, logger: false, abortOnError: false });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** The committed file's text: stable key order as generated, two-space indents, a final newline. */
export function serializeOpenApi(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
