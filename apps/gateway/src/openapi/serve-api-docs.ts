import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import type { GatewayConfig } from '../config/gateway.config.js';
import { isDevelopment } from '../graphql/graphql-hardening.js';
import { buildOpenApiDocument } from './openapi-document.js';

export const DOCS_PATH = 'docs';
export const OPENAPI_JSON_PATH = 'openapi.json';

/**
 * The rendered reference (Swagger UI) at /docs and the document at /openapi.json, in development only
 * (NODE_ENV=development said explicitly, as for the GraphQL sandbox): production answers both with
 * 404, and integrators read the document committed in the repository (apps/gateway/openapi.json).
 * helmet's CSP is off in development, which the UI's inline styles need.
 */
export function serveApiDocs(app: INestApplication, config: GatewayConfig): void {
  if (!isDevelopment(config)) return;
  SwaggerModule.setup(DOCS_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    raw: ['json'],
    customSiteTitle: 'Airtime platform REST API',
  });
}
