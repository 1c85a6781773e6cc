import { PickType } from '@nestjs/mapped-types';
import { ListProductsRequest } from '@airtime/contracts';

export class ProductsQuery extends PickType(ListProductsRequest, ['country', 'network', 'kind', 'currency'] as const) {}
