import { type INestApplication, ParseUUIDPipe, type Type } from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, getSchemaPath, type OpenAPIObject, type SecuritySchemeObject, SwaggerModule } from '@nestjs/swagger';
import type { OperationObject, ParameterObject, ResponsesObject } from '@nestjs/swagger';
import { PrincipalGuard } from '../auth/principal.guard.js';
import { UserJwtGuard } from '../auth/user-jwt.guard.js';
import { ErrorEnvelope, ValidationErrorData } from './api-responses.js';
import { describeFromValidation } from './validation-schemas.js';

export const API_KEY_SCHEME = 'ApiKey';
export const BEARER_SCHEME = 'Bearer';

/** A route as the controllers declare it: where its auth and its request classes are read from. */
export interface DeclaredRoute {
  controller: Type;
  method: string;
  operationId: string;
  guards: unknown[];
  requestClasses: Type[];
  uuidParams: string[];
  takesInput: boolean;
}

const EXCLUDED = 'swagger/apiExcludeController';
const PRIMITIVES = new Set<unknown>([String, Number, Boolean, Object, Array, undefined]);

/** Every public route of the application's controllers (those not excluded with @ApiExcludeController). */
export function declaredRoutes(app: INestApplication): DeclaredRoute[] {
  const controllers = [...app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()].map((wrapper) => wrapper.metatype as Type));
  const routes: DeclaredRoute[] = [];
  for (const controller of new Set(controllers)) {
    if (Reflect.getMetadata(EXCLUDED, controller)?.[0]) continue;
    for (const method of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = controller.prototype[method] as object;
      if (method === 'constructor' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
      const args = Object.entries((Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { index: number; data?: string; pipes?: unknown[] }>);
      const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? []) as Type[];
      const input = args.filter(([key]) => [RouteParamtypes.BODY, RouteParamtypes.QUERY, RouteParamtypes.PARAM].map(String).includes(key.split(':')[0] ?? ''));
      routes.push({
        controller,
        method,
        operationId: operationIdOf(controller.name, method),
        guards: [...(Reflect.getMetadata(GUARDS_METADATA, controller) ?? []), ...(Reflect.getMetadata(GUARDS_METADATA, handler) ?? [])],
        requestClasses: input.map(([, arg]) => types[arg.index]).filter((type): type is Type => !PRIMITIVES.has(type)),
        uuidParams: input.flatMap(([, arg]) => (arg.data && arg.pipes?.some((pipe) => pipe instanceof ParseUUIDPipe) ? [arg.data] : [])),
        takesInput: input.length > 0,
      });
    }
  }
  return routes;
}

const operationIdOf = (controller: string, method: string) => `${controller.replace(/Controller$/, '')}_${method}`;

/**
 * The OpenAPI 3.1 document of the gateway's public REST API, read from the controllers' metadata:
 * routes and parameters from Nest's decorators, request schemas from the contracts' class-validator
 * rules, auth from the guards, answers from the @ApiEnvelope/@ApiResponse decorators. Works on an
 * application created with `preview: true`, so nothing needs to be running.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const routes = declaredRoutes(app);
  const described = new Set(routes.flatMap((route) => route.requestClasses.flatMap((type) => describeFromValidation(type))));

  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Airtime platform REST API')
    .setDescription(
      [
        'Airtime, data, voucher PINs and electricity tokens (001), and the identity and recharge endpoints of 000 for clients migrating from it.',
        'Successes use 000\'s envelope `{status: "success", message, data}` (orders and products answer 001\'s bare objects); errors use `{status: "error", code, message, data}`, and 400 VALIDATION_FAILED lists every bad field in `data.fields`.',
        'Money is integer minor units as strings ("1050" is 10.50) unless a field says major units. Generated from the gateway\'s code (`npx nx run gateway:openapi`).',
      ].join('\n\n'),
    )
    .setVersion('v1')
    .addSecurity(API_KEY_SCHEME, {
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      description: 'An API key as 001 sends it: `Authorization: Api-Key atk_live_…` (or `atk_test_…` for the sandbox). Created by a logged-in user at POST /api/v1/api-keys.',
      // The header's value is the key after this word (PrincipalGuard reads `Api-Key <key>`), for a client that builds it from the document.
      'x-authorization-scheme': 'Api-Key',
    } as SecuritySchemeObject)
    .addSecurity(BEARER_SCHEME, {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'A user token from POST /auth/pin-authentication: `Authorization: Bearer <token>`.',
    })
    .build();

  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ErrorEnvelope, ValidationErrorData],
    operationIdFactory: operationIdOf,
  });

  // The validation pipe refuses unknown fields: a body says so.
  for (const type of described) {
    const schema = document.components?.schemas?.[type.name];
    if (schema && !('$ref' in schema)) schema.additionalProperties = false;
  }

  const operations = new Map<string, OperationObject>();
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as OperationObject[]) if (operation?.operationId) operations.set(operation.operationId, operation);
  }
  for (const route of routes) {
    const operation = operations.get(route.operationId);
    if (!operation) throw new Error(`${route.operationId} is missing from the generated document`);
    describeAuthAndErrors(operation, route);
  }
  return document;
}

function describeAuthAndErrors(operation: OperationObject, route: DeclaredRoute): void {
  const keyOrUser = route.guards.includes(PrincipalGuard);
  const user = keyOrUser || route.guards.includes(UserJwtGuard);
  operation.security = keyOrUser ? [{ [API_KEY_SCHEME]: [] }, { [BEARER_SCHEME]: [] }] : user ? [{ [BEARER_SCHEME]: [] }] : [];
  for (const parameter of (operation.parameters ?? []) as ParameterObject[]) {
    if (parameter.in === 'path' && route.uuidParams.includes(parameter.name)) parameter.schema = { type: 'string', format: 'uuid' };
  }
  const error = (description: string, codes: string[], example?: object): ResponsesObject[string] => ({
    description,
    content: {
      'application/json': {
        schema: { allOf: [{ $ref: getSchemaPath(ErrorEnvelope) }, { type: 'object', properties: { code: { enum: codes } } }] },
        ...(example ? { example } : {}),
      },
    },
  });
  const responses: ResponsesObject = {};
  if (route.takesInput && !operation.responses['400']) {
    responses['400'] = {
      description: 'VALIDATION_FAILED: every bad field in `data.fields` (unknown fields are refused too); nothing was changed',
      content: {
        'application/json': {
          schema: {
            allOf: [
              { $ref: getSchemaPath(ErrorEnvelope) },
              { type: 'object', properties: { code: { enum: ['VALIDATION_FAILED'] }, data: { $ref: getSchemaPath(ValidationErrorData) } } },
            ],
          },
          example: { status: 'error', code: 'VALIDATION_FAILED', message: 'Validation failed', data: { fields: { target: ['target must be longer than or equal to 3 characters'] } } },
        },
      },
    };
  }
  if (user && !operation.responses['401']) {
    responses['401'] = error('UNAUTHENTICATED: no valid token or API key', ['UNAUTHENTICATED'], {
      status: 'error',
      code: 'UNAUTHENTICATED',
      message: 'Authentication required: send a valid bearer token or API key',
      data: null,
    });
  }
  if (!operation.responses['429']) responses['429'] = error("Too many requests: retry after the `Retry-After` header's seconds", ['RATE_LIMITED', 'PIN_LOCKED']);
  responses['default'] = { description: 'Any other error, in the same shape', content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorEnvelope) } } } };
  operation.responses = { ...operation.responses, ...responses };
}
