import type { ProductKind } from '../dispatch/product-kind.js';
import type { UpstreamId } from '../dispatch/upstream-id.js';
import type { ApiKeyMode } from '../identity/api-key-mode.js';

export interface RouteEntryView {
  upstream: UpstreamId;
  priority: number;
  weight: number;
  cost_bps: number | null;
  cost_currency: string | null;
  test_mode: boolean;
}

/** The upstreams one country, network and kind is sent to, in the order they are tried (before drains). */
export interface RouteView {
  country: string;
  network: string;
  kind: ProductKind;
  entries: RouteEntryView[];
  updated_at: string;
  updated_by: string | null;
}

/** An upstream no new order is sent to, in one mode. */
export interface UpstreamDrainView {
  upstream: UpstreamId;
  mode: ApiKeyMode;
  reason: string | null;
  drained_by: string;
  drained_at: string;
}
