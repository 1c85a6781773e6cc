import { formatMinor } from '@airtime/money';
import type { ProductKind, ProductView, UpstreamId } from '@airtime/contracts';

export interface ProductRow {
  id: number;
  name: string;
  country: string;
  network: string;
  kind: ProductKind;
  currency: string;
  min_minor: string | null;
  max_minor: string | null;
  denominations_minor: string[] | null;
  upstream: UpstreamId;
  upstream_product: string | null;
  active: boolean;
}

export function toProductView(p: ProductRow): ProductView {
  const major = (minor: string | null) => (minor === null ? null : formatMinor(BigInt(minor), p.currency));
  return {
    id: p.id,
    name: p.name,
    country: p.country,
    network: p.network,
    kind: p.kind,
    currency: p.currency,
    min_amount: major(p.min_minor),
    max_amount: major(p.max_minor),
    denominations: p.denominations_minor?.map((d) => formatMinor(BigInt(d), p.currency)) ?? null,
    upstream: p.upstream,
    active: p.active,
  };
}
