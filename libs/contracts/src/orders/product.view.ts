import type { ProductKind } from '../dispatch/product-kind.js';
import type { UpstreamId } from '../dispatch/upstream-id.js';

/** A catalogue entry as 001's /api/v1/products shows it: amounts in major units for people, minor for code. */
export interface ProductView {
  id: number;
  name: string;
  country: string;
  network: string;
  kind: ProductKind;
  currency: string;
  /** Open-range products; null for fixed denominations. */
  min_amount: string | null;
  max_amount: string | null;
  /** Fixed-denomination products (data bundles), major units. */
  denominations: string[] | null;
  upstream: UpstreamId;
  active: boolean;
}
