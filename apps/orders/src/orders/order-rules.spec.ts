import { PlatformError } from '@airtime/platform';
import type { ProductRow } from '../catalogue/product-row.js';
import { orderAmount } from './order-amount.js';
import { orderTarget } from './order-target.js';

const product = (overrides: Partial<ProductRow>): ProductRow => ({
  id: 100, name: 'Econet airtime (USD)', country: 'ZW', network: 'econet', kind: 'airtime', currency: 'USD',
  min_minor: '10', max_minor: '10000', denominations_minor: null, upstream: 'omega', upstream_product: null, active: true,
  ...overrides,
});
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'no error';
  } catch (error) {
    return (error as PlatformError).code;
  }
};

describe('order targets', () => {
  it("accept 001's example and put it in international form", () => {
    expect(orderTarget(product({}), '0772279099')).toBe('263772279099');
    expect(orderTarget(product({}), '+263 77 227 9099')).toBe('263772279099');
  });

  it("refuse another network's number, another country's and garbage", () => {
    expect(codeOf(() => orderTarget(product({ network: 'netone' }), '0772279099'))).toBe('INVALID_TARGET');
    expect(codeOf(() => orderTarget(product({}), '+254712345678'))).toBe('INVALID_TARGET');
    expect(codeOf(() => orderTarget(product({}), 'call me'))).toBe('INVALID_TARGET');
  });

  it('take a meter number for electricity', () => {
    const zesa = product({ kind: 'electricity', network: 'zesa', upstream: 'zesa' });
    expect(orderTarget(zesa, '3713-2660-123')).toBe('37132660123');
    expect(codeOf(() => orderTarget(zesa, '0772279099'))).toBe('INVALID_TARGET');
  });
});

describe('order amounts', () => {
  it("turn 001's major units into exact minor units", () => {
    expect(orderAmount(product({}), '5')).toBe(500n);
    expect(orderAmount(product({}), '0.10')).toBe(10n);
    expect(orderAmount(product({}), '100')).toBe(10000n);
  });

  it("refuse amounts outside the product's range or with too many decimals", () => {
    expect(codeOf(() => orderAmount(product({}), '0.09'))).toBe('AMOUNT_OUT_OF_RANGE');
    expect(codeOf(() => orderAmount(product({}), '100.01'))).toBe('AMOUNT_OUT_OF_RANGE');
    expect(codeOf(() => orderAmount(product({}), '1.005'))).toBe('AMOUNT_OUT_OF_RANGE');
  });

  it("keep eStoreSMS's N50 to N50,000 bounds", () => {
    const pin = product({ country: 'NG', network: 'mtn', kind: 'voucher', currency: 'NGN', min_minor: '5000', max_minor: '5000000', upstream: 'estoresms' });
    expect(orderAmount(pin, '50')).toBe(5000n);
    expect(codeOf(() => orderAmount(pin, '49.99'))).toBe('AMOUNT_OUT_OF_RANGE');
    expect(codeOf(() => orderAmount(pin, '50000.01'))).toBe('AMOUNT_OUT_OF_RANGE');
  });

  it('take only listed denominations for bundles', () => {
    const bundle = product({ kind: 'data', min_minor: null, max_minor: null, denominations_minor: ['100', '500'] });
    expect(orderAmount(bundle, '5')).toBe(500n);
    expect(codeOf(() => orderAmount(bundle, '3'))).toBe('AMOUNT_OUT_OF_RANGE');
  });
});
