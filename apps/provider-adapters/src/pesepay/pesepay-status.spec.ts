import { isKnownPesepayStatus, paymentStatusOf } from './pesepay-status.js';

describe("Pesepay's transaction statuses", () => {
  it.each([
    ['SUCCESS', 'paid'],
    ['FAILED', 'failed'],
    ['DECLINED', 'failed'],
    ['TIME_OUT', 'failed'],
    ['CANCELLED', 'cancelled'],
    ['PENDING', 'pending'],
    ['PROCESSING', 'pending'],
  ])('reads %s as %s', (upstream, status) => {
    expect(paymentStatusOf(upstream)).toBe(status);
    expect(isKnownPesepayStatus(upstream)).toBe(true);
  });

  it.each(['REVERSED', 'success', '', 'constructor', '__proto__'])('concludes nothing from %j', (upstream) => {
    expect(paymentStatusOf(upstream)).toBe('pending');
    expect(isKnownPesepayStatus(upstream)).toBe(false);
  });
});
