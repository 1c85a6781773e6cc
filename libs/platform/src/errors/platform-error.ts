import type { ErrorCode, PlatformErrorBody } from '@airtime/contracts';

/**
 * A failure a caller can act on. Services throw it; the RPC filter sends its body over NATS and the
 * gateway turns the code into an HTTP status or a GraphQL extension code.
 */
export class PlatformError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'PlatformError';
  }

  toBody(): PlatformErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
      ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
    };
  }
}
