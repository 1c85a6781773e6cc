import { HttpException } from '@nestjs/common';

/** An HTTP answer as the simulated Omega gives it: a status and a JSON body. */
export interface OmegaAnswer {
  status: number;
  body: unknown;
}

/** 000's standard error response: `{"status": "error", "message": "...", "data": null}`. */
export function omegaError(status: number, message: string): OmegaAnswer {
  return { status, body: { status: 'error', message, data: null } };
}

/** 000's 401 sample is a bare `{"message": "..."}` (no status, no data). */
export function omegaUnauthorized(message: string): OmegaAnswer {
  return { status: 401, body: { message } };
}

/** Nest sends an HttpException's object body exactly as it is, with its status. */
export function toHttpException(answer: OmegaAnswer): HttpException {
  return new HttpException(answer.body as Record<string, unknown>, answer.status);
}

/** The messages 000 documents, and the simulator's own for failures 000 leaves open. */
export const OMEGA_MESSAGES = {
  authenticated: 'authenticated',
  invalidCredentials: 'Invalid credentials',
  userRetrieved: 'user retrieved',
  rechargeSucceeded: 'successful airtime recharge',
  insufficientFunds: 'Insufficient funds',
  walletNotFound: 'Wallet not found',
  /** 000 lists "Invalid Phone Number" among its common error scenarios (a 400 validation error). */
  invalidPhone: 'Invalid phone number',
  /**
   * 000 gives no words for a recharge the network did not take; this is a 422 business-logic error in
   * 000's standard error format.
   */
  rechargeFailed: 'Recharge failed',
  unauthenticated: 'Unauthenticated',
  tooManyRequests: 'Too Many Requests',
  serverError: 'Internal Server Error',
} as const;
