import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { PesepayApiController } from './pesepay-api.controller.js';
import { PesepayCallbacks } from './pesepay-callbacks.js';
import { PesepayErrorFilter } from './pesepay-error.filter.js';
import { PesepayIntegrationKeyGuard } from './pesepay-integration-key.guard.js';
import { PesepayPaymentPageController } from './pesepay-payment-page.controller.js';
import { PesepaySimController } from './pesepay-sim.controller.js';
import { PesepayService } from './pesepay.service.js';

/** The simulated Pesepay (Zimbabwe's payment gateway), under `/pesepay`. */
@Module({
  controllers: [PesepayApiController, PesepayPaymentPageController, PesepaySimController],
  providers: [PesepayService, PesepayCallbacks, PesepayIntegrationKeyGuard, { provide: APP_FILTER, useClass: PesepayErrorFilter }],
})
export class PesepayModule {}
