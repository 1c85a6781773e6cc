import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ListProductsRequest, type ProductView, Rpc, UpsertProductRequest } from '@airtime/contracts';
import { RpcHandler } from '@airtime/platform';
import { CatalogueService } from './catalogue.service.js';

@Controller()
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @RpcHandler(Rpc.orders.listProducts)
  list(@Payload() request: ListProductsRequest): Promise<ProductView[]> {
    return this.catalogue.list(request);
  }

  @RpcHandler(Rpc.orders.upsertProduct)
  upsert(@Payload() request: UpsertProductRequest): Promise<ProductView> {
    return this.catalogue.upsert(request);
  }
}
