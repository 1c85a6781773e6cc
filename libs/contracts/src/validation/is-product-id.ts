import { IsInt, Max, Min } from 'class-validator';
import { allOf } from './all-of.js';

/** The largest PostgreSQL `integer`, the catalogue's key: a larger "integer" (1e308 is one to JavaScript) is no product. */
export const MAX_PRODUCT_ID = 2_147_483_647;

/** A catalogue product's id, e.g. 100. */
export function IsProductId(): PropertyDecorator {
  return allOf(IsInt({ message: '$property must be an integer, e.g. 100' }), Min(1), Max(MAX_PRODUCT_ID, { message: `$property must be at most ${MAX_PRODUCT_ID}` }));
}
