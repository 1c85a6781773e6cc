import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileErrors, validate } from '@readme/openapi-parser';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreateAccountRequest } from '@airtime/contracts';
import { CreateOrderBody } from '../orders/dtos/create-order.body.js';
import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import { openApiDocumentFromCode, serializeOpenApi } from './openapi-from-code.js';
import { ONBOARDING_EXAMPLE_000, ORDER_EXAMPLE_001 } from './examples.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SRC = path.resolve(here, '..');
const COMMITTED = path.resolve(here, '../../openapi.json');
const committedText = readFileSync(COMMITTED, 'utf8');
const committed = JSON.parse(committedText) as OpenAPIObject;

/** The routes the controllers declare, read from their decorators' source (as the e2e fuzz's declaredSurface does). */
function declaredRoutes(): { route: string; excluded: boolean }[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.controller.ts') ? [path.join(dir, e.name)] : []));
  return walk(SRC).flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    const prefix = /@Controller\('([^']*)'\)/.exec(source)?.[1] ?? '';
    const excluded = source.includes('@ApiExcludeController()');
    return [...source.matchAll(/@(Get|Post|Delete|Put|Patch)\((\[[^\]]*\]|'[^']*')?\)/g)].flatMap((match) => {
      const subs = match[2] ? [...match[2].matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '') : [''];
      return subs.map((sub) => ({ route: `${(match[1] ?? '').toUpperCase()} /${[prefix, sub].filter(Boolean).join('/')}`.replace(/:(\w+)/g, '{$1}'), excluded }));
    });
  });
}

const documented = (document: OpenAPIObject) =>
  Object.entries(document.paths).flatMap(([route, item]) => Object.keys(item).filter((k) => ['get', 'post', 'put', 'patch', 'delete'].includes(k)).map((m) => `${m.toUpperCase()} ${route}`));

const operation = (method: 'get' | 'post' | 'delete', route: string) => committed.paths[route]?.[method] as OperationObject;

describe('the committed OpenAPI document (apps/gateway/openapi.json)', () => {
  it('is exactly what the code generates (run `npx nx run gateway:openapi` after changing a route, DTO or decorator)', async () => {
    const generated = serializeOpenApi(await openApiDocumentFromCode());
    expect(committedText).toBe(generated);
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(committed.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(committed) as never);
    if (!result.valid) throw new Error(compileErrors(result));
    expect(result.specification).toBe('OpenAPI');
  });

  it('has every public controller route, and neither the upstream callbacks nor health', () => {
    const routes = declaredRoutes();
    const publicRoutes = routes.filter((r) => !r.excluded).map((r) => r.route).sort();
    const excluded = routes.filter((r) => r.excluded).map((r) => r.route);
    expect(publicRoutes.length).toBeGreaterThan(20);
    expect(documented(committed).sort()).toEqual(publicRoutes);
    // Only these are left out: a public controller excluded by mistake would show here.
    expect(excluded.every((r) => /^\w+ \/(callbacks|health)(\/|$)/.test(r))).toBe(true);
    expect(excluded).toEqual(expect.arrayContaining(['POST /callbacks/{upstream}', 'POST /callbacks/{upstream}/{kind}', 'POST /callbacks/pesepay', 'GET /callbacks/pesepay/return', 'GET /health', 'GET /health/details']));
    expect(Object.keys(committed.paths).filter((p) => p.startsWith('/callbacks') || p.startsWith('/health'))).toEqual([]);
  });

  it("takes its auth from the guards: 001's Api-Key header or a Bearer JWT, Bearer only where a user must act, none to onboard", () => {
    const schemes = committed.components?.securitySchemes ?? {};
    expect(schemes['ApiKey']).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' });
    expect(schemes['Bearer']).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(operation('post', '/api/v1/orders').security).toEqual([{ ApiKey: [] }, { Bearer: [] }]);
    expect(operation('post', '/api/v1/api-keys').security).toEqual([{ Bearer: [] }]);
    expect(operation('post', '/api/v1/onboarding/accounts').security).toEqual([]);
  });

  it("derives request schemas from the contracts' validation rules and carries the seeds' examples", () => {
    const schemas = committed.components?.schemas as Record<string, { properties: Record<string, Record<string, unknown>>; required?: string[]; additionalProperties?: boolean }>;
    const order = schemas['CreateOrderBody'] ?? { properties: {} };
    expect(order.required).toEqual(['product_id', 'target', 'amount', 'agent_reference']);
    expect(order.additionalProperties).toBe(false);
    expect(order.properties['product_id']).toMatchObject({ type: 'integer', minimum: 1 });
    expect(order.properties['target']).toMatchObject({ type: 'string', minLength: 3, maxLength: 32 });
    expect(Object.keys(order.properties)).not.toContain('account_id');
    expect(schemas['CreateAccountRequest']?.required).toHaveLength(12);
    const orderBody = operation('post', '/api/v1/orders').requestBody as { content: Record<string, { examples: Record<string, { value: unknown }> }> };
    expect(orderBody.content['application/json']?.examples['001']?.value).toEqual(ORDER_EXAMPLE_001);
    const onboardingBody = operation('post', '/api/v1/onboarding/accounts').requestBody as typeof orderBody;
    expect(onboardingBody.content['application/json']?.examples['000']?.value).toEqual(ONBOARDING_EXAMPLE_000);
    const ledger = operation('get', '/api/v1/wallet/ledger').parameters as { name: string; in: string }[];
    expect(ledger.map((p) => p.name)).toEqual(expect.arrayContaining(['currency', 'kind', 'from', 'to', 'cursor', 'limit', 'mode']));
  });

  it("uses examples the gateway's own validation accepts", () => {
    const problems = (type: new () => object, example: object) => validateSync(plainToInstance(type, example), { whitelist: true, forbidNonWhitelisted: true });
    expect(problems(CreateOrderBody, ORDER_EXAMPLE_001)).toEqual([]);
    expect(problems(CreateAccountRequest, ONBOARDING_EXAMPLE_000)).toEqual([]);
  });

  it('documents the error shape, with VALIDATION_FAILED naming every bad field', () => {
    const answers = operation('post', '/api/v1/orders').responses as Record<string, { content: Record<string, { example?: { code: string; data: unknown } }> }>;
    expect(answers['400']?.content['application/json']?.example).toMatchObject({ code: 'VALIDATION_FAILED', data: { fields: expect.any(Object) } });
    expect(Object.keys(answers)).toEqual(expect.arrayContaining(['200', '400', '401', '409', '422', '429', 'default']));
    expect(committed.components?.schemas?.['ErrorEnvelope']).toMatchObject({ required: ['status', 'code', 'message', 'data'] });
  });
});
