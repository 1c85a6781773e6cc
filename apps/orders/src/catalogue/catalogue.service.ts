import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import type { ListProductsRequest, ProductView, UpsertProductRequest } from '@airtime/contracts';
import { rows } from '@airtime/platform';
import { OrdersConfig } from '../config/orders.config.js';
import { productNeedsRangeOrDenominations, productNotAvailable } from './catalogue.exceptions.js';
import { type ProductRow, toProductView } from './product-row.js';

@Injectable()
export class CatalogueService {
  /** A few hundred products at most; the bound only guards against a surprise. */
  private readonly orderableCache: LRUCache<number, ProductRow>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: OrdersConfig,
  ) {
    this.orderableCache = new LRUCache({ max: 10_000, ttl: Math.max(1, config.CATALOGUE_CACHE_MS) });
  }

  async list(filter: ListProductsRequest): Promise<ProductView[]> {
    const where: string[] = [];
    const parameters: unknown[] = [];
    const add = (column: string, value: unknown) => {
      if (value === undefined) return;
      parameters.push(value);
      where.push(`${column} = $${parameters.length}`);
    };
    add('country', filter.country);
    add('network', filter.network?.toLowerCase());
    add('kind', filter.kind);
    add('currency', filter.currency);
    if (!filter.include_inactive) where.push('active');
    const rows = (await this.dataSource.query(
      `SELECT * FROM products ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`,
      parameters,
    )) as ProductRow[];
    return rows.map(toProductView);
  }

  /** Those of `ids` in the catalogue, active or withdrawn, by id. */
  async byIds(ids: number[]): Promise<ProductView[]> {
    return (await rows<ProductRow>(this.dataSource, `SELECT * FROM products WHERE id = ANY($1) ORDER BY id`, [ids])).map(toProductView);
  }

  /**
   * Operators manage the catalogue: a product has either a range or fixed denominations; the
   * database's own check refuses anything else. Orders already placed keep what they were sold at.
   */
  async upsert(p: UpsertProductRequest): Promise<ProductView> {
    const hasRange = p.min_minor !== undefined && p.max_minor !== undefined;
    const hasDenominations = (p.denominations_minor?.length ?? 0) > 0;
    if (hasRange === hasDenominations || (hasRange && BigInt(p.min_minor as string) > BigInt(p.max_minor as string))) {
      throw productNeedsRangeOrDenominations();
    }
    const [saved] = await rows<ProductRow>(
      this.dataSource,
      `INSERT INTO products (id, name, country, network, kind, currency, min_minor, max_minor, denominations_minor, upstream, upstream_product, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (id) DO UPDATE SET name = $2, country = $3, network = $4, kind = $5, currency = $6, min_minor = $7, max_minor = $8,
         denominations_minor = $9, upstream = $10, upstream_product = $11, active = $12, updated_at = now()
       RETURNING *`,
      [p.id, p.name, p.country, p.network.toLowerCase(), p.kind, p.currency, hasRange ? p.min_minor : null, hasRange ? p.max_minor : null,
        hasDenominations ? p.denominations_minor : null, p.upstream, p.upstream_product ?? null, p.active],
    );
    this.orderableCache.delete(p.id);
    return toProductView(saved as ProductRow);
  }

  /**
   * An active product, or PRODUCT_NOT_FOUND (an inactive one cannot be ordered). Read once per
   * CATALOGUE_CACHE_MS rather than for every order; this process's own upserts take effect at once.
   */
  async orderable(id: number): Promise<ProductRow> {
    const cached = this.config.CATALOGUE_CACHE_MS > 0 ? this.orderableCache.get(id) : undefined;
    if (cached) return cached;
    const [product] = (await this.dataSource.query(`SELECT * FROM products WHERE id = $1 AND active`, [id])) as ProductRow[];
    if (!product) throw productNotAvailable(id);
    if (this.config.CATALOGUE_CACHE_MS > 0) this.orderableCache.set(id, product);
    return product;
  }
}
