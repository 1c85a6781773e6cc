import { Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller.js';
import { CatalogueService } from './catalogue.service.js';
import { GetProductsUseCase } from './use-cases/get-products/get-products.use-case.js';

@Module({ controllers: [CatalogueController], providers: [CatalogueService, GetProductsUseCase], exports: [CatalogueService] })
export class CatalogueModule {}
