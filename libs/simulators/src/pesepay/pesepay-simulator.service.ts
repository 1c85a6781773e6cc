import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { encryptPesepayPayload, type PesepayInitiatedPayment, type PesepayPaymentRequest, type PesepayTransaction } from '@airtime/upstreams';
import { CallbackSender, type SentCallback } from '../callbacks/callback-sender.js';
import { pesepayError } from './pesepay-error.js';
import { PESEPAY_PAYMENT_OUTCOMES, type PesepayPaymentOutcome } from './pesepay-payment-outcome.js';
import { PESEPAY_SIM_SETTINGS, type PesepaySimSettings } from './pesepay-sim-settings.js';
import { isOpenStatus, type SimulatedPesepayPayment } from './simulated-pesepay-payment.js';

/** One result callback the simulator sent (the transaction, encrypted, POSTed to the resultUrl). */
export type SentPesepayCallback = SentCallback<{ reference: string }>;

/** Payments kept in memory; the oldest are forgotten beyond this. */
const KEEP = 100_000;

/**
 * The simulated Pesepay: payments live in memory, and the payer's whole visit to the payment page is
 * one GET that settles the payment (success unless told otherwise) and sends the result callback.
 */
@Injectable()
export class PesepaySimulatorService {
  private readonly payments = new Map<string, SimulatedPesepayPayment>();
  readonly callbacks = new CallbackSender<{ reference: string }>('PesepaySimulator');

  constructor(@Inject(PESEPAY_SIM_SETTINGS) private readonly settings: PesepaySimSettings) {}

  initiate(request: PesepayPaymentRequest): PesepayInitiatedPayment {
    const payment: SimulatedPesepayPayment = {
      referenceNumber: this.newReference(),
      merchantReference: request.merchantReference,
      amountDetails: { amount: request.amountDetails.amount, currencyCode: request.amountDetails.currencyCode },
      reasonForPayment: request.reasonForPayment,
      resultUrl: request.resultUrl,
      returnUrl: request.returnUrl,
      transactionStatus: 'PENDING',
      createdAt: new Date().toISOString(),
      completedAt: null,
    };
    this.payments.set(payment.referenceNumber, payment);
    if (this.payments.size > KEEP) this.payments.delete(this.payments.keys().next().value as string);
    return {
      referenceNumber: payment.referenceNumber,
      pollUrl: this.pollUrl(payment.referenceNumber),
      redirectUrl: this.redirectUrl(payment.referenceNumber),
      transactionStatus: payment.transactionStatus,
      amountDetails: { ...payment.amountDetails },
      merchantReference: payment.merchantReference,
    };
  }

  check(reference: string): PesepayTransaction {
    return transactionOf(this.get(reference));
  }

  /**
   * The payer's attempt on the payment page. Only an open payment changes; when it ends here its
   * callback is sent before this returns, so whoever opened the page can rely on it having gone out.
   * Node runs this up to the `await` without interleaving, so two opens at once send one callback.
   */
  async pay(reference: string, outcome: PesepayPaymentOutcome): Promise<SimulatedPesepayPayment> {
    const payment = this.get(reference);
    if (!isOpenStatus(payment.transactionStatus)) return payment;
    payment.transactionStatus = PESEPAY_PAYMENT_OUTCOMES[outcome];
    if (isOpenStatus(payment.transactionStatus)) return payment;
    payment.completedAt = new Date().toISOString();
    const body = { payload: encryptPesepayPayload(transactionOf(payment), this.settings.encryptionKey) };
    await this.callbacks.deliver(payment.resultUrl, { json: body }, { reference: payment.referenceNumber });
    return payment;
  }

  get(reference: string): SimulatedPesepayPayment {
    const payment = this.payments.get(reference);
    if (!payment) throw pesepayError(404, `No payment with referenceNumber ${reference}`);
    return payment;
  }

  redirectUrl(reference: string): string {
    return `${this.publicUrl()}/pesepay/pay/${encodeURIComponent(reference)}`;
  }

  private pollUrl(reference: string): string {
    return `${this.publicUrl()}/pesepay/api/payments-engine/v1/payments/check-payment?referenceNumber=${encodeURIComponent(reference)}`;
  }

  private publicUrl(): string {
    return this.settings.publicUrl.replace(/\/+$/, '');
  }

  /** Shaped like Pesepay's own: a timestamp and a random suffix. */
  private newReference(): string {
    for (;;) {
      const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 17);
      const reference = `${stamp}-${randomBytes(4).toString('hex').toUpperCase()}`;
      if (!this.payments.has(reference)) return reference;
    }
  }
}

function transactionOf(payment: SimulatedPesepayPayment): PesepayTransaction {
  return {
    referenceNumber: payment.referenceNumber,
    transactionStatus: payment.transactionStatus,
    amountDetails: { ...payment.amountDetails },
    merchantReference: payment.merchantReference,
    paid: payment.transactionStatus === 'SUCCESS',
  };
}
