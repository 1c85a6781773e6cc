import { ProductsFilterInput } from '../orders/dtos/products-filter.input.js';
import { HttpValidationPipe } from './http-validation.pipe.js';

describe('HttpValidationPipe', () => {
  const pipe = new HttpValidationPipe();

  it('refuses a REST body that is not a JSON object (an array, a string, nothing) with VALIDATION_FAILED', async () => {
    for (const body of [[{ a: 1 }], 'text', undefined, null]) {
      await expect(Promise.resolve().then(() => pipe.transform(body, { type: 'body', metatype: ProductsFilterInput }))).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        message: 'The request body must be a JSON object',
      });
    }
  });

  it('lets an optional GraphQL input argument be left out, and still checks one that is given', async () => {
    expect(await pipe.transform(undefined, { type: 'body', metatype: ProductsFilterInput, data: 'filter' })).toBeUndefined();
    await expect(Promise.resolve().then(() => pipe.transform([1], { type: 'body', metatype: ProductsFilterInput, data: 'filter' }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
