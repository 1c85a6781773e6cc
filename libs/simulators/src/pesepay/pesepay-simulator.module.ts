import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { PesepayApiController } from './pesepay-api.controller.js';
import { PesepayErrorFilter } from './pesepay-error.filter.js';
import { PesepayIntegrationKeyGuard } from './pesepay-integration-key.guard.js';
import { PesepayPaymentPageController } from './pesepay-payment-page.controller.js';
import { PESEPAY_SIM_SETTINGS, type PesepaySimSettings } from './pesepay-sim-settings.js';
import { PesepaySimController } from './pesepay-sim.controller.js';
import { PesepaySimulatorService } from './pesepay-simulator.service.js';

/**
 * The simulated Pesepay (Zimbabwe's payment gateway), under `/pesepay`. The settings object is read
 * on every request, so a test that learns its port only after listening can set `publicUrl` then.
 */
@Module({})
export class PesepaySimulatorModule {
  static register(settings: PesepaySimSettings): DynamicModule {
    return {
      module: PesepaySimulatorModule,
      controllers: [PesepayApiController, PesepayPaymentPageController, PesepaySimController],
      providers: [
        { provide: PESEPAY_SIM_SETTINGS, useValue: settings },
        PesepaySimulatorService,
        PesepayIntegrationKeyGuard,
        { provide: APP_FILTER, useClass: PesepayErrorFilter },
      ],
    };
  }
}
