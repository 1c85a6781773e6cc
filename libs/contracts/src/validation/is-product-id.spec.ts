import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreateOrderRequest } from '../orders/create-order.request.js';

const order = (product_id: unknown) =>
  plainToInstance(CreateOrderRequest, { account_id: '00000000-0000-4000-8000-000000000000', mode: 'live', product_id, target: '263772279099', amount: '5', agent_reference: 'ref-1' });

describe('IsProductId', () => {
  it('refuses integers past PostgreSQL integer, which JavaScript calls integers too (found by the fuzz: 1e308 answered 500)', () => {
    for (const id of [Number.MAX_VALUE, 2 ** 53 + 1, 2_147_483_648, 0, -1, 1.5]) {
      expect(validateSync(order(id)).map((e) => e.property)).toEqual(['product_id']);
    }
    expect(validateSync(order(2_147_483_647))).toEqual([]);
    expect(validateSync(order(100))).toEqual([]);
  });
});
