import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { renderPaymentPage } from './payment-page.js';
import { pesepayError } from './pesepay-error.js';
import { isPesepayPaymentOutcome, PESEPAY_PAYMENT_OUTCOMES } from './pesepay-payment-outcome.js';
import { PesepaySimulatorService } from './pesepay-simulator.service.js';

/**
 * The redirectUrl a payer is sent to. Opening it is paying: `?outcome=` picks how the attempt ends
 * (success by default) and `?redirect=1` sends the browser on to the merchant's returnUrl, as Pesepay
 * does, instead of showing the outcome.
 */
@Controller('pesepay/pay')
export class PesepayPaymentPageController {
  constructor(private readonly pesepay: PesepaySimulatorService) {}

  @Get(':reference')
  async open(
    @Param('reference') reference: string,
    @Res() response: Response,
    @Query('outcome') outcome: unknown = 'success',
    @Query('redirect') redirect?: unknown,
  ): Promise<void> {
    if (typeof outcome !== 'string' || !isPesepayPaymentOutcome(outcome)) {
      throw pesepayError(400, `outcome must be one of ${Object.keys(PESEPAY_PAYMENT_OUTCOMES).join(', ')}`);
    }
    const payment = await this.pesepay.pay(reference, outcome);
    if (redirect === '1') {
      response.redirect(302, payment.returnUrl);
      return;
    }
    response.type('html').send(renderPaymentPage(payment, this.pesepay.redirectUrl(payment.referenceNumber)));
  }
}
