import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { ApiKeyMode } from '../identity/api-key-mode.js';
import type { UpstreamId } from './upstream-id.js';

/** Operators: each upstream's health over the last `window_minutes` (default 15). */
export class GetUpstreamHealthRequest {
  @IsOptional() @IsInt() @Min(1) @Max(1440) window_minutes?: number;
}

/** How one upstream has been doing in one mode, from the adapters' own record of every send. */
export interface UpstreamHealthView {
  upstream: UpstreamId;
  mode: ApiKeyMode;
  /** As the provider-adapters replica that answered sees it (each replica keeps its own breakers). */
  circuit: 'closed' | 'open' | 'half-open';
  window_minutes: number;
  sent: number;
  succeeded: number;
  failed: number;
  unknown: number;
  /** succeeded / (succeeded + failed + unknown) over the window; null with nothing sent. */
  success_rate: number | null;
  /** Latency of the send calls in the window, in milliseconds; null with nothing sent. */
  p50_ms: number | null;
  p99_ms: number | null;
  /** Our float with the upstream, where it reports one (eStoreSMS's balance call); null otherwise. */
  float: { currency: string; amount_minor: string; checked_at: string } | null;
  /** Why the float could not be read, when the upstream has a balance call that failed. */
  float_error: string | null;
  /** The last time it refused a send for want of our float (its documented insufficient-balance answer). */
  last_insufficient_balance_at: string | null;
}
