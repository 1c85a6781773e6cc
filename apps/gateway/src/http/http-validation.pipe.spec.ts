import { CreateOrderBody } from '../orders/dtos/create-order.body.js';
import { ProductsArgs } from '../orders/dtos/orders-filter.args.js';
import { HttpValidationPipe } from './http-validation.pipe.js';
import { CreateAccountRequest } from '@airtime/contracts';

describe('HttpValidationPipe', () => {
  const pipe = new HttpValidationPipe();

  it('refuses a REST body that is not a JSON object (an array, a string, nothing) with VALIDATION_FAILED', async () => {
    for (const body of [[{ a: 1 }], 'text', undefined, null]) {
      await expect(Promise.resolve().then(() => pipe.transform(body, { type: 'body', metatype: ProductsArgs }))).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        message: 'The request body must be a JSON object',
      });
    }
  });

  it('lets an optional GraphQL input argument be left out, and still checks one that is given', async () => {
    expect(await pipe.transform(undefined, { type: 'body', metatype: ProductsArgs, data: 'filter' })).toBeUndefined();
    await expect(Promise.resolve().then(() => pipe.transform([1], { type: 'body', metatype: ProductsArgs, data: 'filter' }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('refuses NUL in a path parameter, a query, a scalar GraphQL argument and an untyped callback body, naming the field', async () => {
    const cases: Array<[unknown, Parameters<HttpValidationPipe['transform']>[1], string]> = [
      ['a\u0000b', { type: 'param', metatype: String, data: 'id' }, 'id'],
      ['a\u0000b', { type: 'query', metatype: String, data: 'token' }, 'token'],
      ['a\u0000b', { type: 'body', metatype: String, data: 'agentReference' }, 'agentReference'],
      [{ status: 'ok', 'ref': ['x\u0000'] }, { type: 'body', metatype: Object }, 'ref.0'],
    ];
    for (const [value, metadata, field] of cases) {
      await expect(Promise.resolve().then(() => pipe.transform(value, metadata))).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: { [field]: [`${field} must not contain the control character U+0000`] } },
      });
    }
  });

  it('names a NUL in a body field beside the body’s other bad fields, and keeps line breaks in multi-line text only', async () => {
    const body = { product_id: 1, target: '263771\t234567', amount: '5', agent_reference: 'ref-1', custom_sms: 'hi\u0000there' };
    const refused = await Promise.resolve(pipe.transform({ ...body, product_id: 'x' }, { type: 'body', metatype: CreateOrderBody })).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(Object.keys((refused as { details: { fields: object } }).details.fields).sort()).toEqual(['custom_sms', 'product_id', 'target']);
    const accepted = await pipe.transform({ ...body, target: '263771234567', custom_sms: 'Thank you!\nSee you soon 👋🏾' }, { type: 'body', metatype: CreateOrderBody });
    expect(accepted).toMatchObject({ custom_sms: 'Thank you!\nSee you soon 👋🏾' });
  });

  it('refuses half a surrogate pair with a 400 even where a field rule would throw on it (isEmail runs encodeURI)', async () => {
    const onboarding = {
      name: 'Shop', type: 'company', level: 'agent', contact_name: 'A', contact_email: 'a@example.com', contact_phone: '0772279099',
      address: '1 Road', city: 'Harare', user_firstname: 'A', user_lastname: 'B', user_email: 'a@example.com', user_phone: '0772279099',
    };
    const body = { ...onboarding, contact_email: 'W,\uD800]:x@example.com' };
    await expect(Promise.resolve().then(() => pipe.transform(body, { type: 'body', metatype: CreateAccountRequest }))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { contact_email: [expect.stringContaining('surrogate')] } },
    });
  });
});
