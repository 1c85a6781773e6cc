import { PlatformError } from '@airtime/platform';

/** Every error the catalogue answers with. */

export const productNotAvailable = (id: number) =>
  new PlatformError('PRODUCT_NOT_FOUND', `Product ${id} does not exist or is not available`, {
    fields: { product_id: [`product_id ${id} is not an available product`] },
  });

export const productNeedsRangeOrDenominations = () =>
  new PlatformError('VALIDATION_FAILED', 'Validation failed', {
    fields: { min_minor: ['give either min_minor <= max_minor, or denominations_minor'] },
  });
