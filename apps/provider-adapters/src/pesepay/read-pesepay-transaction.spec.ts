import { readPesepayTransaction } from './read-pesepay-transaction.js';

const SOURCE = "Pesepay's answer to check-payment";
const transaction = (overrides: Record<string, unknown> = {}) => ({
  referenceNumber: '20251124101010123-ABCDEF01',
  transactionStatus: 'SUCCESS',
  amountDetails: { amount: 10.5, currencyCode: 'USD' },
  merchantReference: 'TU-1',
  paid: true,
  ...overrides,
});

describe("reading Pesepay's transactions", () => {
  it('reads a transaction into the view, the amount back in minor units', () => {
    expect(readPesepayTransaction(transaction(), 'test', SOURCE)).toEqual({
      pesepay_reference: '20251124101010123-ABCDEF01',
      merchant_reference: 'TU-1',
      mode: 'test',
      status: 'paid',
      upstream_status: 'SUCCESS',
      currency: 'USD',
      amount_minor: '1050',
      redirect_url: null,
      poll_url: null,
    });
  });

  it('takes amounts as numbers or decimal strings, exactly', () => {
    expect(readPesepayTransaction(transaction({ amountDetails: { amount: 1.15, currencyCode: 'USD' } }), 'live', SOURCE).amount_minor).toBe('115');
    expect(readPesepayTransaction(transaction({ amountDetails: { amount: '19.99', currencyCode: 'ZWG' } }), 'live', SOURCE).amount_minor).toBe('1999');
  });

  it('keeps the pages of an initiate answer and tolerates a missing merchantReference', () => {
    const view = readPesepayTransaction(
      transaction({ transactionStatus: 'PENDING', paid: undefined, merchantReference: undefined, redirectUrl: 'https://pay/1', pollUrl: 'https://poll/1' }),
      'live',
      SOURCE,
    );
    expect(view).toMatchObject({ status: 'pending', merchant_reference: null, redirect_url: 'https://pay/1', poll_url: 'https://poll/1' });
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', 'SUCCESS', /not a JSON object/],
    ['an array', [transaction()], /not a JSON object/],
    ['no referenceNumber', transaction({ referenceNumber: undefined }), /referenceNumber/],
    ['a numeric referenceNumber', transaction({ referenceNumber: 42 }), /referenceNumber/],
    ['no transactionStatus', transaction({ transactionStatus: undefined }), /transactionStatus/],
    ['no amountDetails', transaction({ amountDetails: undefined }), /amountDetails/],
    ['a lower-case currency', transaction({ amountDetails: { amount: 1, currencyCode: 'usd' } }), /currencyCode/],
    ['an unsupported currency', transaction({ amountDetails: { amount: 1, currencyCode: 'EUR' } }), /amountDetails: .*EUR/],
    ['a fraction of a cent', transaction({ amountDetails: { amount: 1.005, currencyCode: 'USD' } }), /decimal places/],
    ['a negative amount', transaction({ amountDetails: { amount: -1, currencyCode: 'USD' } }), /amountDetails/],
    ['a success that is not paid', transaction({ paid: false }), /contradicts/],
    ['a paid flag that is not a boolean', transaction({ paid: 'yes' }), /paid/],
  ])('refuses %s as UPSTREAM_ERROR, saying what', (_, value, message) => {
    expect(() => readPesepayTransaction(value, 'live', SOURCE)).toThrow(
      expect.objectContaining({ code: 'UPSTREAM_ERROR', message: expect.stringMatching(message) }),
    );
    expect(() => readPesepayTransaction(value, 'live', SOURCE)).toThrow(expect.objectContaining({ message: expect.stringContaining(SOURCE) }));
  });
});
