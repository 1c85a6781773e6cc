/**
 * The platform's machine-readable error codes, with the HTTP status each one answers with at the
 * gateway. Services raise them over NATS; REST turns them into 000's `{status, message, data}` shape
 * and GraphQL into `extensions.code`.
 */
export const ERROR_HTTP_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  API_KEY_NOT_FOUND: 404,
  CONFLICT: 409,
  IDEMPOTENCY_CONFLICT: 409,
  DEBIT_NOT_FOUND: 422,
  ALREADY_REFUNDED: 409,
  REFUND_EXCEEDS_DEBIT: 422,
  UNSUPPORTED_CURRENCY: 422,
  AMOUNT_TOO_LARGE: 422,
  TOPUP_NOT_FOUND: 404,
  PRODUCT_NOT_FOUND: 422,
  INVALID_TARGET: 422,
  AMOUNT_OUT_OF_RANGE: 422,
  ORDER_NOT_FOUND: 404,
  WEBHOOK_NOT_FOUND: 404,
  WEBHOOK_URL_REFUSED: 400,
  WEBHOOK_ENDPOINT_LIMIT: 409,
  REFERENCE_REUSED: 409,
  INVALID_SIGNATURE: 401,
  UPSTREAM_ERROR: 502,
  UPSTREAM_UNAVAILABLE: 503,
  PHONE_ALREADY_REGISTERED: 409,
  PAYLOAD_TOO_LARGE: 413,
  USER_NOT_FOUND: 422,
  INSUFFICIENT_FUNDS: 422,
  WALLET_NOT_FOUND: 422,
  PIN_LOCKED: 429,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_HTTP_STATUS;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_HTTP_STATUS, value);
}
