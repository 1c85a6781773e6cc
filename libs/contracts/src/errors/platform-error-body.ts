import type { ErrorCode } from './error-code.js';

/** What a service sends back over NATS when a request fails: the code decides the HTTP status. */
export interface PlatformErrorBody {
  code: ErrorCode;
  message: string;
  /** Per-field messages for VALIDATION_FAILED; other details for other codes. */
  details?: Record<string, unknown>;
  /** Seconds after which retrying may succeed (PIN_LOCKED, RATE_LIMITED). */
  retryAfterSeconds?: number;
}

export function isPlatformErrorBody(value: unknown): value is PlatformErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
