import { PESEPAY_PAYMENT_OUTCOMES } from './pesepay-payment-outcome.js';
import { isOpenStatus, type SimulatedPesepayPayment } from './simulated-pesepay-payment.js';

/**
 * The simulator's payment page after the payer's attempt: the outcome, a way back to the merchant and,
 * while the payment is still open, a link per outcome for whoever tries it by hand.
 */
export function renderPaymentPage(payment: SimulatedPesepayPayment, pageUrl: string): string {
  const { amount, currencyCode } = payment.amountDetails;
  const choices = isOpenStatus(payment.transactionStatus)
    ? `<p>Finish it: ${Object.keys(PESEPAY_PAYMENT_OUTCOMES)
        .map((outcome) => `<a href="${escape(`${pageUrl}?outcome=${outcome}`)}">${outcome}</a>`)
        .join(' · ')}</p>`
    : '';
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>Pesepay simulator</title></head><body>',
    `<h1>Payment ${escape(payment.transactionStatus)}</h1>`,
    `<p>${escape(currencyCode)} ${escape(String(amount))} for ${escape(payment.reasonForPayment)}</p>`,
    `<p>Pesepay reference ${escape(payment.referenceNumber)}, merchant reference ${escape(payment.merchantReference)}</p>`,
    choices,
    `<p><a href="${escape(payment.returnUrl)}">Return to the merchant</a></p>`,
    '</body></html>',
  ].join('\n');
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
