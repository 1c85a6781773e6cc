import { PlatformError } from '@airtime/platform';

/** What Pesepay's side of provider-adapters can answer besides a payment. */

/** An answer or callback we would have to guess at; `source` names it, the payload never appears. */
export function unusablePesepayAnswer(source: string, what: string): PlatformError {
  return new PlatformError('UPSTREAM_ERROR', `${source} is unusable: ${what}`);
}

export function pesepayAnsweredAnotherPayment(reference: string): PlatformError {
  return new PlatformError('UPSTREAM_ERROR', `Pesepay answered check-payment for ${reference} with another payment`);
}

/** Pesepay could not be reached, did not answer in time, or failed: UPSTREAM_UNAVAILABLE or UPSTREAM_ERROR. */
export function pesepayCallFailed(code: 'UPSTREAM_UNAVAILABLE' | 'UPSTREAM_ERROR', message: string): PlatformError {
  return new PlatformError(code, message);
}

export function undecryptableCallback(): PlatformError {
  return new PlatformError('INVALID_SIGNATURE', 'The callback payload does not decrypt to a Pesepay transaction under our keys');
}

export function unsupportedCurrency(currency: string): PlatformError {
  return new PlatformError('UNSUPPORTED_CURRENCY', `Unsupported currency: ${currency}`);
}

/** Pesepay takes amounts as JSON numbers: one a double cannot carry exactly is refused, never rounded. */
export function amountNotExactForPesepay(amountMinor: string, currency: string): PlatformError {
  return new PlatformError('AMOUNT_TOO_LARGE', `${amountMinor} minor units of ${currency} cannot be sent to Pesepay exactly`);
}
