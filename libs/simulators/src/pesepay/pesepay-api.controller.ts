import { Body, Controller, Get, HttpCode, Inject, Post, Query, UseGuards } from '@nestjs/common';
import { encryptPesepayPayload, type PesepayEncryptedBody } from '@airtime/upstreams';
import { decryptRequestBody } from './decrypt-request-body.js';
import { InitiatePaymentBody } from './dtos/initiate-payment.body.js';
import { pesepayError } from './pesepay-error.js';
import { PesepayIntegrationKeyGuard } from './pesepay-integration-key.guard.js';
import { PESEPAY_SIM_SETTINGS, type PesepaySimSettings } from './pesepay-sim-settings.js';
import { PesepaySimulatorService } from './pesepay-simulator.service.js';

/** Pesepay's merchant API, under the simulator's `/pesepay` prefix. */
@Controller('pesepay/api/payments-engine/v1/payments')
@UseGuards(PesepayIntegrationKeyGuard)
export class PesepayApiController {
  constructor(
    private readonly pesepay: PesepaySimulatorService,
    @Inject(PESEPAY_SIM_SETTINGS) private readonly settings: PesepaySimSettings,
  ) {}

  @Post('initiate')
  @HttpCode(200)
  initiate(@Body() body: unknown): PesepayEncryptedBody {
    const request = decryptRequestBody(body, this.settings.encryptionKey, InitiatePaymentBody);
    return this.encrypted(this.pesepay.initiate(request));
  }

  @Get('check-payment')
  check(@Query('referenceNumber') reference?: unknown): PesepayEncryptedBody {
    if (typeof reference !== 'string' || reference === '') throw pesepayError(400, 'referenceNumber is required');
    return this.encrypted(this.pesepay.check(reference));
  }

  private encrypted(value: object): PesepayEncryptedBody {
    return { payload: encryptPesepayPayload(value, this.settings.encryptionKey) };
  }
}
