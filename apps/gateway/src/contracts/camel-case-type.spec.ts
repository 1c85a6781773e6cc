import { CreateAccountInput } from '../identity/dtos/create-account.input.js';
import { SendRechargeInput } from '../orders/dtos/send-recharge.input.js';
import { CreateOrderBody } from '../orders/dtos/create-order.body.js';
import { HttpValidationPipe } from '../http/http-validation.pipe.js';

describe('inputs derived from the contracts', () => {
  const pipe = new HttpValidationPipe();
  const check = (metatype: new () => object, value: object) =>
    Promise.resolve().then(() => pipe.transform(value, { type: 'body', metatype }));
  const fieldsOf = async (metatype: new () => object, value: object) =>
    (await check(metatype, value).then(() => ({ details: { fields: {} } }), (e: { details: { fields: Record<string, string[]> } }) => e)).details.fields;

  const recharge = { productId: 100, target: '0772279099', amount: '5', agentReference: 'ref-1' };

  it("carry the contract's rules under their camelCase names, with messages that name them", async () => {
    expect(await fieldsOf(SendRechargeInput, { ...recharge, agentReference: 'two words', amount: '5.123456' })).toEqual({
      agentReference: ['agentReference must be printable ASCII without spaces'],
      amount: ['amount must be a positive number with at most 4 decimals, e.g. 5 or 5.50'],
    });
    expect(await check(SendRechargeInput, recharge)).toMatchObject(recharge);
  });

  it('refuse the fields the gateway fills in itself', async () => {
    const body = { product_id: 100, target: '0772279099', amount: 5, agent_reference: 'ref-1' };
    expect(await check(CreateOrderBody, body)).toMatchObject({ ...body, amount: '5' });
    expect(Object.keys(await fieldsOf(CreateOrderBody, { ...body, account_id: 'x', mode: 'live' })).sort()).toEqual(['account_id', 'mode']);
  });

  it('map a camelCase input back to its contract field for field', async () => {
    const input = Object.assign(new CreateAccountInput(), {
      name: 'Shop', type: 'agent', level: '1', contactName: 'A', contactEmail: 'a@example.com', contactPhone: '0772279099',
      address: '1 Road', city: 'Harare', userFirstname: 'B', userLastname: 'C', userEmail: 'b@example.com', userPhone: '0772279098',
    });
    expect(input.toRequest()).toEqual({
      name: 'Shop', type: 'agent', level: '1', contact_name: 'A', contact_email: 'a@example.com', contact_phone: '0772279099',
      address: '1 Road', city: 'Harare', user_firstname: 'B', user_lastname: 'C', user_email: 'b@example.com', user_phone: '0772279098',
    });
  });
});
