import 'reflect-metadata';
import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@airtime/platform';
import { GatewayConfig } from '../config/gateway.config.js';
import { securityHeaders } from '../create-gateway-app.js';
import { serveApiDocs } from './serve-api-docs.js';

@Controller('api/v1/things')
class ThingsController {
  @Get()
  list(): string[] {
    return [];
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

/**
 * The e2e platform runs the gateway as production does, so the development-only serving is checked
 * here: the gateway's own security headers and docs serving, on an application of one controller
 * (the whole gateway's GraphQL schema is built from tsc's decorator metadata, not the test compiler's).
 */
async function start(nodeEnv: 'development' | 'production'): Promise<{ app: INestApplication; url: string }> {
  const config = loadConfig(GatewayConfig, { NODE_ENV: nodeEnv, DATABASE_URL: 'postgres://x@127.0.0.1/x', JWT_SECRET: 'a-secret-of-at-least-32-characters-long' });
  const app = await NestFactory.create(ThingsModule, { logger: false });
  app.use(securityHeaders(config));
  serveApiDocs(app, config);
  await app.listen(0, '127.0.0.1');
  return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

describe('GET /docs and /openapi.json', () => {
  const env = process.env['NODE_ENV'];
  afterEach(() => {
    process.env['NODE_ENV'] = env;
  });

  it('serve the rendered reference and the document in development, with no CSP in the way', async () => {
    process.env['NODE_ENV'] = 'development';
    const { app, url } = await start('development');
    try {
      const json = await fetch(`${url}/openapi.json`);
      expect(json.status).toBe(200);
      const document = (await json.json()) as { openapi: string; paths: Record<string, unknown> };
      expect(document.openapi).toBe('3.1.0');
      expect(Object.keys(document.paths)).toEqual(['/api/v1/things']);

      const page = await fetch(`${url}/docs`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(page.headers.get('content-security-policy')).toBeNull();
      const html = await page.text();
      // The page's own scripts and styles are served beside it.
      for (const asset of ['swagger-ui-bundle.js', 'swagger-ui-init.js', 'swagger-ui.css']) {
        expect(html).toContain(asset);
        const answer = await fetch(`${url}/docs/${asset}`);
        await answer.arrayBuffer();
        expect({ asset, status: answer.status }).toEqual({ asset, status: 200 });
      }
    } finally {
      await app.close();
    }
  }, 30_000);

  it('are 404 in production, and in a development setting the environment does not confirm', async () => {
    for (const [setting, environment] of [['production', 'production'], ['development', 'production']] as const) {
      process.env['NODE_ENV'] = environment;
      const { app, url } = await start(setting);
      try {
        for (const path of ['/openapi.json', '/docs', '/docs/swagger-ui-init.js', '/docs-json']) {
          const answer = await fetch(`${url}${path}`);
          await answer.arrayBuffer();
          expect({ path, status: answer.status }).toEqual({ path, status: 404 });
        }
        const things = await fetch(`${url}/api/v1/things`);
        await things.arrayBuffer();
        expect(things.status).toBe(200);
      } finally {
        await app.close();
      }
    }
  }, 30_000);
});
