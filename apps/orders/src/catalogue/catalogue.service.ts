import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ListProductsRequest, ProductView } from '@airtime/contracts';
import { PlatformError } from '@airtime/platform';
import { type ProductRow, toProductView } from './product-row.js';

@Injectable()
export class CatalogueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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

  /** An active product, or PRODUCT_NOT_FOUND (an inactive one cannot be ordered). */
  async orderable(id: number): Promise<ProductRow> {
    const [product] = (await this.dataSource.query(`SELECT * FROM products WHERE id = $1 AND active`, [id])) as ProductRow[];
    if (!product) {
      throw new PlatformError('PRODUCT_NOT_FOUND', `Product ${id} does not exist or is not available`, {
        fields: { product_id: [`product_id ${id} is not an available product`] },
      });
    }
    return product;
  }
}
