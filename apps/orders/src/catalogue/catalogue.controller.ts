import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { GetProductsRequest, ListProductsRequest, type ProductView, Rpc, UpsertProductRequest } from '@airtime/contracts';
import { RpcHandler } from '@airtime/platform';
import { CatalogueService } from './catalogue.service.js';
import { GetProductsCommand } from './use-cases/get-products/get-products.command.js';
import { GetProductsUseCase } from './use-cases/get-products/get-products.use-case.js';

@Controller()
export class CatalogueController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly getProducts: GetProductsUseCase,
  ) {}

  @RpcHandler(Rpc.orders.listProducts)
  list(@Payload() request: ListProductsRequest): Promise<ProductView[]> {
    return this.catalogue.list(request);
  }

  @RpcHandler(Rpc.orders.getProducts)
  getMany(@Payload() request: GetProductsRequest): Promise<ProductView[]> {
    return this.getProducts.execute(new GetProductsCommand({ ids: request.ids }));
  }

  @RpcHandler(Rpc.orders.upsertProduct)
  upsert(@Payload() request: UpsertProductRequest): Promise<ProductView> {
    return this.catalogue.upsert(request);
  }
}
