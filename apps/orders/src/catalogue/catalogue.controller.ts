import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ListProductsRequest, type ProductView, Subjects, UpsertProductRequest } from '@airtime/contracts';
import { CatalogueService } from './catalogue.service.js';

@Controller()
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @MessagePattern(Subjects.orders.listProducts)
  list(@Payload() request: ListProductsRequest): Promise<ProductView[]> {
    return this.catalogue.list(request);
  }

  @MessagePattern(Subjects.orders.upsertProduct)
  upsert(@Payload() request: UpsertProductRequest): Promise<ProductView> {
    return this.catalogue.upsert(request);
  }
}
