import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { ApiKeyMode, ProductKind, RouteEntryView, UpstreamId } from '@airtime/contracts';
import { OrdersConfig } from '../config/orders.config.js';
import { type DrainedSet, rankRoute } from './route-choice.js';
import { RouteStore } from './route-store.js';

/** Where an order (or its next attempt) may be sent. */
export interface UpstreamChoice {
  upstream: UpstreamId;
  upstream_product: string | null;
}

/** What routing needs to know of an order or of the product it is made of. */
export interface RoutedItem {
  country: string;
  network: string;
  kind: ProductKind;
  mode: ApiKeyMode;
  /** The product's own upstream, used where no route is set. */
  upstream: UpstreamId;
  /** An upstream's own product code (a data bundle's) binds the item to that upstream. */
  upstream_product: string | null;
}

/**
 * Chooses upstreams from the route table. A route, where one is set for the country, network and
 * kind, decides; where none is set, or the product names an upstream's own product code (which no
 * other upstream would understand), the product's own upstream is the only choice. Drained upstreams
 * are never chosen. Routes and drains are read once per CATALOGUE_CACHE_MS; this replica's own
 * changes take effect at once.
 */
@Injectable()
export class RoutingService {
  private readonly routes: LRUCache<string, { entries: RouteEntryView[] }>;
  private drained: { set: DrainedSet; until: number } | undefined;

  constructor(
    private readonly store: RouteStore,
    private readonly config: OrdersConfig,
  ) {
    this.routes = new LRUCache({ max: 10_000, ttl: Math.max(1, config.CATALOGUE_CACHE_MS) });
  }

  /** The upstreams to try, best first, leaving out those `attempted` already. */
  async choices(item: RoutedItem, attempted: readonly UpstreamId[] = []): Promise<UpstreamChoice[]> {
    const drained = await this.drainedSet();
    const entries = item.upstream_product ? [] : await this.entries(item.country, item.network, item.kind);
    if (!entries.length) {
      const own = !attempted.includes(item.upstream) && !drained.has(`${item.upstream}:${item.mode}`);
      return own ? [{ upstream: item.upstream, upstream_product: item.upstream_product }] : [];
    }
    return rankRoute(entries, { mode: item.mode, drained, attempted: new Set(attempted) }).map((upstream) => ({ upstream, upstream_product: null }));
  }

  /** Forgets what was read, after this replica changed the table. */
  forget(): void {
    this.routes.clear();
    this.drained = undefined;
  }

  private async entries(country: string, network: string, kind: ProductKind): Promise<RouteEntryView[]> {
    const key = `${country}:${network}:${kind}`;
    const cached = this.config.CATALOGUE_CACHE_MS > 0 ? this.routes.get(key) : undefined;
    if (cached) return cached.entries;
    const entries = await this.store.entries(country, network, kind);
    if (this.config.CATALOGUE_CACHE_MS > 0) this.routes.set(key, { entries });
    return entries;
  }

  private async drainedSet(): Promise<DrainedSet> {
    if (this.drained && this.drained.until > Date.now()) return this.drained.set;
    const set: DrainedSet = new Set((await this.store.drains()).map((d) => `${d.upstream}:${d.mode}` as const));
    this.drained = { set, until: Date.now() + this.config.CATALOGUE_CACHE_MS };
    return set;
  }
}
