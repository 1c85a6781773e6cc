import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { createValidationPipe, PlatformError } from '@airtime/platform';

// GraphQL arguments arrive as 'body' too; a scalar or list argument is not a body to check.
const PRIMITIVES = new Set<unknown>([String, Number, Boolean, Array, undefined]);

/**
 * Contract validation for REST bodies, path and query parameters, GraphQL arguments and upstream
 * callbacks: text that cannot be stored is refused wherever it sits, a body must be a JSON object,
 * unknown fields are refused, and every bad field is named.
 */
@Injectable()
export class HttpValidationPipe implements PipeTransform {
  private readonly inner = createValidationPipe();

  transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> | unknown {
    // A named GraphQL argument left out is absent, not a malformed body (a REST @Body() has no name).
    if ((value === undefined || value === null) && typeof metadata.data === 'string') return value;
    const expectsObject = metadata.type === 'body' && !PRIMITIVES.has(metadata.metatype);
    if (expectsObject && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new PlatformError('VALIDATION_FAILED', 'The request body must be a JSON object');
    }
    return this.inner.transform(value, metadata);
  }
}
