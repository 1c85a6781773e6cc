import type { Response } from 'express';
import type { ThrottleState } from './throttler.js';

/** The X-RateLimit-* headers clients are told to watch (000 rate-limits its recharge endpoint). */
export function setRateLimitHeaders(response: Response | undefined, state: ThrottleState): void {
  if (!response || state.limit === 0 || response.headersSent) return;
  response.setHeader('X-RateLimit-Limit', String(state.limit));
  response.setHeader('X-RateLimit-Remaining', String(state.remaining));
  response.setHeader('X-RateLimit-Reset', String(state.resetSeconds));
}
