import { type ApiKeyMode, type PesepayPaymentView } from '@airtime/contracts';
import { MoneyError, parseMajorToMinor } from '@airtime/money';
import { paymentStatusOf } from './pesepay-status.js';
import { unusablePesepayAnswer } from './pesepay.exceptions.js';

/**
 * Pesepay's transaction (an initiate or check-payment answer, or a result callback), decrypted, as our
 * view. Anything we would have to guess at is UPSTREAM_ERROR, with `source` ("Pesepay's answer to
 * check-payment") and what was wrong in the message, never the payload itself.
 */
export function readPesepayTransaction(value: unknown, mode: ApiKeyMode, source: string): PesepayPaymentView {
  const garbage = (what: string) => unusablePesepayAnswer(source, what);
  if (!isObject(value)) throw garbage('not a JSON object');
  const { referenceNumber, transactionStatus, amountDetails, merchantReference, paid, redirectUrl, pollUrl } = value;
  if (typeof referenceNumber !== 'string' || referenceNumber === '' || referenceNumber.length > 100) throw garbage('no valid referenceNumber');
  if (typeof transactionStatus !== 'string' || transactionStatus === '') throw garbage('no transactionStatus');
  if (!isObject(amountDetails)) throw garbage('no amountDetails');
  const { amount, currencyCode } = amountDetails;
  if (typeof currencyCode !== 'string' || !/^[A-Z]{3}$/.test(currencyCode)) throw garbage('no valid amountDetails.currencyCode');
  if (typeof amount !== 'number' && typeof amount !== 'string') throw garbage('no amountDetails.amount');
  let amountMinor: bigint;
  try {
    amountMinor = parseMajorToMinor(amount, currencyCode);
  } catch (error) {
    if (error instanceof MoneyError) throw garbage(`amountDetails: ${error.message}`);
    throw error;
  }
  if (merchantReference !== undefined && merchantReference !== null && typeof merchantReference !== 'string') throw garbage('merchantReference is not a string');
  if (paid !== undefined && paid !== null && typeof paid !== 'boolean') throw garbage('paid is not a boolean');
  const status = paymentStatusOf(transactionStatus);
  // A success that says it is not paid is one we cannot credit on.
  if (status === 'paid' && paid === false) throw garbage(`transactionStatus ${transactionStatus} contradicts paid: false`);
  return {
    pesepay_reference: referenceNumber,
    merchant_reference: merchantReference ?? null,
    mode,
    status,
    upstream_status: transactionStatus,
    currency: currencyCode,
    amount_minor: amountMinor.toString(),
    redirect_url: typeof redirectUrl === 'string' && redirectUrl !== '' ? redirectUrl : null,
    poll_url: typeof pollUrl === 'string' && pollUrl !== '' ? pollUrl : null,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
