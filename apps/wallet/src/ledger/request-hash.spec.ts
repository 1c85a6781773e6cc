import { requestHash } from './request-hash.js';

describe('requestHash', () => {
  const debit = { idempotency_key: 'k1', account_id: 'a', currency: 'USD', amount_minor: '500', mode: 'live' };

  it('ignores the key and the order of fields', () => {
    expect(requestHash(debit)).toBe(requestHash({ mode: 'live', amount_minor: '500', currency: 'USD', account_id: 'a', idempotency_key: 'k2' }));
  });

  it('tells apart requests that differ in anything else', () => {
    expect(requestHash(debit)).not.toBe(requestHash({ ...debit, amount_minor: '501' }));
    expect(requestHash(debit)).not.toBe(requestHash({ ...debit, currency: 'ZWG' }));
    expect(requestHash(debit)).not.toBe(requestHash({ ...debit, order_id: 'o1' }));
  });

  it('treats an absent optional field like an undefined one', () => {
    expect(requestHash(debit)).toBe(requestHash({ ...debit, description: undefined }));
  });
});
