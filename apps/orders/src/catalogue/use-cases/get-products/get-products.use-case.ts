import { Injectable } from '@nestjs/common';
import type { ProductView } from '@airtime/contracts';
import { CatalogueService } from '../../catalogue.service.js';
import { GetProductsCommand } from './get-products.command.js';

/** Catalogue entries by id in one query, withdrawn ones included: an old order still names its product. */
@Injectable()
export class GetProductsUseCase {
  constructor(private readonly catalogue: CatalogueService) {}

  execute(command: GetProductsCommand): Promise<ProductView[]> {
    return this.catalogue.byIds(command.ids);
  }
}
