import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { GqlContextType } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { PlatformError } from '@airtime/platform';
import { GRAPHQL_PATH } from '../graphql/graphql-hardening.js';
import { type ErrorResponse, httpStatusOf } from './error-response.js';

/**
 * Every failure leaves the gateway in the documented shape: REST as 000's `{status, message, data}`
 * (plus `code`), GraphQL as an error with `extensions.code`. Unexpected errors are logged and answered
 * without internals.
 */
@Catch()
export class GatewayExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('GatewayExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    const { status, body, retryAfterSeconds } = this.describe(exception);
    // GraphQL carries the code where a GraphQL client reads every other one: in extensions.
    const extensions = {
      code: body.code,
      ...(body.data ? { details: body.data } : {}),
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    };
    if (host.getType<GqlContextType>() === 'graphql') {
      return new GraphQLError(body.message, { extensions: { ...extensions, http: { status } } });
    }
    const response = host.switchToHttp().getResponse<Response>();
    if (retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(retryAfterSeconds));
    // A GraphQL request refused before Apollo saw it (malformed JSON, too large) still answers as GraphQL does.
    const graphqlRequest = host.switchToHttp().getRequest<Request>().path === GRAPHQL_PATH;
    response.status(status).json(graphqlRequest ? { errors: [{ message: body.message, extensions }] } : body);
    return undefined;
  }

  /** Nest's own HTTP errors: unknown routes, failed guards, and body-parser's refusals. */
  private describeHttp(exception: HttpException): { status: number; body: ErrorResponse } {
    const status = exception.getStatus();
    const error = (code: ErrorResponse['code'], message: string) => ({ status, body: { status: 'error' as const, code, message, data: null } });
    switch (status) {
      case 400:
        return error('VALIDATION_FAILED', /JSON|token|Unexpected/i.test(exception.message) ? `Malformed JSON in request body: ${exception.message}` : exception.message);
      case 401:
        return error('UNAUTHENTICATED', 'Authentication required: send a valid bearer token or API key');
      case 403:
        return error('FORBIDDEN', exception.message);
      case 404:
        return error('NOT_FOUND', exception.message);
      case 413:
        return error('PAYLOAD_TOO_LARGE', 'Request body is too large');
      case 415:
        return error('BAD_REQUEST', 'Unsupported content type or encoding');
      default:
        return status < 500 ? error('BAD_REQUEST', exception.message) : error('INTERNAL', 'Internal error');
    }
  }

  private describe(exception: unknown): { status: number; body: ErrorResponse; retryAfterSeconds?: number } {
    if (exception instanceof PlatformError) {
      return {
        status: httpStatusOf(exception.code),
        body: { status: 'error', code: exception.code, message: exception.message, data: exception.details ?? null },
        retryAfterSeconds: exception.retryAfterSeconds,
      };
    }
    if (exception instanceof HttpException) return this.describeHttp(exception);
    const bodyParser = exception as { type?: string; status?: number; message?: string };
    if (typeof bodyParser?.type === 'string' && typeof bodyParser.status === 'number') {
      return this.describeHttp(new HttpException(bodyParser.message ?? 'Bad request', bodyParser.status));
    }
    this.logger.error(exception instanceof Error ? exception : String(exception));
    return { status: 500, body: { status: 'error', code: 'INTERNAL', message: 'Internal error', data: null } };
  }
}
