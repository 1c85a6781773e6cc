import { IsInt, Max, Min } from 'class-validator';
import { IsLookupIds } from '../paging/page.js';
import { MAX_PRODUCT_ID } from '../validation/is-product-id.js';

/** Catalogue entries by id, withdrawn ones included (an old order still names its product); unknown ids are left out. */
export class GetProductsRequest {
  @IsLookupIds() @IsInt({ each: true }) @Min(1, { each: true }) @Max(MAX_PRODUCT_ID, { each: true }) ids: number[];
}
