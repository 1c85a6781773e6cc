import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ApiKeyMode, ListRoutesRequest, ProductKind, RouteEntryRequest, RouteEntryView, RouteView, UpstreamDrainView, UpstreamId } from '@airtime/contracts';
import { rows } from '@airtime/platform';

interface RouteRow extends RouteEntryView {
  country: string;
  network: string;
  kind: ProductKind;
  updated_at: Date;
  updated_by: string | null;
}

interface DrainRow {
  upstream: UpstreamId;
  mode: ApiKeyMode;
  reason: string | null;
  drained_by: string;
  drained_at: Date;
}

/** Every read and write of the route table and the drained upstreams. */
@Injectable()
export class RouteStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async entries(country: string, network: string, kind: ProductKind): Promise<RouteEntryView[]> {
    return (await rows<RouteRow>(this.dataSource, `SELECT * FROM routes WHERE country = $1 AND network = $2 AND kind = $3`, [country, network, kind])).map(entryOf);
  }

  async list(filter: ListRoutesRequest): Promise<RouteView[]> {
    const found = await rows<RouteRow>(
      this.dataSource,
      `SELECT * FROM routes WHERE ($1::text IS NULL OR country = $1) AND ($2::text IS NULL OR network = $2) AND ($3::text IS NULL OR kind = $3)
        ORDER BY country, network, kind, priority, upstream`,
      [filter.country ?? null, filter.network?.toLowerCase() ?? null, filter.kind ?? null],
    );
    const routes = new Map<string, RouteView>();
    for (const row of found) {
      const key = `${row.country}:${row.network}:${row.kind}`;
      const route = routes.get(key) ?? { country: row.country, network: row.network, kind: row.kind, entries: [], updated_at: iso(row.updated_at), updated_by: row.updated_by };
      route.entries.push(entryOf(row));
      if (iso(row.updated_at) > route.updated_at) Object.assign(route, { updated_at: iso(row.updated_at), updated_by: row.updated_by });
      routes.set(key, route);
    }
    return [...routes.values()];
  }

  /** The route's entries replaced by `entries`, in one transaction: orders never see half a route. */
  async replace(country: string, network: string, kind: ProductKind, entries: RouteEntryRequest[], actor: string): Promise<RouteView> {
    await this.dataSource.transaction(async (tx) => {
      await tx.query(`DELETE FROM routes WHERE country = $1 AND network = $2 AND kind = $3`, [country, network, kind]);
      for (const e of entries) {
        await tx.query(
          `INSERT INTO routes (country, network, kind, upstream, priority, weight, cost_bps, cost_currency, test_mode, updated_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [country, network, kind, e.upstream, e.priority, e.weight ?? 1, e.cost_bps ?? null, e.cost_currency ?? null, e.test_mode, actor],
        );
      }
    });
    const [route] = await this.list({ country, network, kind });
    return route ?? { country, network, kind, entries: [], updated_at: new Date().toISOString(), updated_by: actor };
  }

  async drains(): Promise<UpstreamDrainView[]> {
    return (await rows<DrainRow>(this.dataSource, `SELECT * FROM upstream_drains ORDER BY upstream, mode`)).map((d) => ({ ...d, drained_at: iso(d.drained_at) }));
  }

  async setDrained(upstream: UpstreamId, modes: ApiKeyMode[], drained: boolean, reason: string | null, actor: string): Promise<void> {
    if (!drained) {
      await this.dataSource.query(`DELETE FROM upstream_drains WHERE upstream = $1 AND mode = ANY($2)`, [upstream, modes]);
      return;
    }
    await this.dataSource.query(
      `INSERT INTO upstream_drains (upstream, mode, reason, drained_by) SELECT $1, m, $3, $4 FROM unnest($2::text[]) AS m
       ON CONFLICT (upstream, mode) DO UPDATE SET reason = EXCLUDED.reason, drained_by = EXCLUDED.drained_by, drained_at = now()`,
      [upstream, modes, reason, actor],
    );
  }
}

function entryOf(row: RouteRow): RouteEntryView {
  return { upstream: row.upstream, priority: row.priority, weight: row.weight, cost_bps: row.cost_bps, cost_currency: row.cost_currency?.trim() ?? null, test_mode: row.test_mode };
}

function iso(value: Date | string): string {
  return new Date(value).toISOString();
}
