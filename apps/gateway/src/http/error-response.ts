import { ERROR_HTTP_STATUS, type ErrorCode } from '@airtime/contracts';

/** 000's standard error shape, with the platform's machine-readable code beside the message. */
export interface ErrorResponse {
  status: 'error';
  code: ErrorCode | 'NOT_FOUND' | 'BAD_REQUEST' | 'METHOD_NOT_ALLOWED';
  message: string;
  data: Record<string, unknown> | null;
}

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_HTTP_STATUS[code];
}
