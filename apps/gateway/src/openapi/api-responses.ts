import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { ERROR_HTTP_STATUS } from '@airtime/contracts';
import type { ErrorResponse } from '../http/error-response.js';

/** Every code an error answer may carry: the platform's own and Nest's HTTP refusals (error-response.ts). */
export const ERROR_CODES = [...Object.keys(ERROR_HTTP_STATUS), 'BAD_REQUEST', 'METHOD_NOT_ALLOWED'].filter((code, i, all) => all.indexOf(code) === i);

/** 000's error shape with the machine-readable code beside it (http/error-response.ts). */
export class ErrorEnvelope implements ErrorResponse {
  @ApiProperty({ enum: ['error'] }) status: 'error';
  @ApiProperty({ enum: ERROR_CODES, description: 'What a client branches on; the HTTP status follows from it' }) code: ErrorResponse['code'];
  @ApiProperty({ example: 'Insufficient funds' }) message: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Details: `fields` for VALIDATION_FAILED, limits for RATE_LIMITED' })
  data: Record<string, unknown> | null;
}

/** 400 VALIDATION_FAILED: every bad field at once, nested fields as `a.b` or `items.0.phone`. */
export class ValidationErrorData {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } }, example: { target: ['target must be longer than or equal to 3 characters'] } })
  fields: Record<string, string[]>;
}

/** 000's success envelope (http/api-response.ts). */
export class SuccessEnvelope {
  @ApiProperty({ enum: ['success'] }) status: 'success';
  @ApiProperty() message: string;
}

/** `{status: 'success', message, data}` with `data` of the given model (an array of it, or null). */
export function ApiEnvelope(status: number, description: string, model: Type | null, options: { isArray?: boolean } = {}): MethodDecorator {
  const data: SchemaObject | ReferenceObject = model === null ? { type: 'null' } : options.isArray ? { type: 'array', items: { $ref: getSchemaPath(model) } } : { $ref: getSchemaPath(model) };
  return applyDecorators(
    ApiExtraModels(SuccessEnvelope, ...(model ? [model] : [])),
    ApiResponse({ status, description, schema: { allOf: [{ $ref: getSchemaPath(SuccessEnvelope) }, { type: 'object', required: ['data'], properties: { data } }] } }),
  );
}

/** Error answers a route gives beyond those every route may give (the builder adds 400, 401, 429 and the default). */
export function ApiErrors(...errors: { status: number; codes: (keyof typeof ERROR_HTTP_STATUS)[]; description?: string }[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...errors.map(({ status, codes, description }) =>
      ApiResponse({
        status,
        description: description ?? codes.join(', '),
        content: {
          'application/json': {
            schema: { allOf: [{ $ref: getSchemaPath(ErrorEnvelope) }, { type: 'object', properties: { code: { enum: codes } } }] },
          },
        },
      }),
    ),
  );
}
