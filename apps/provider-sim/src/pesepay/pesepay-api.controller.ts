import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ProviderSimConfig } from '../config/provider-sim.config.js';
import { decryptRequestBody } from './decrypt-request-body.js';
import { InitiatePaymentBody } from './dtos/initiate-payment.body.js';
import type { EncryptedBody } from './encrypted.body.js';
import { encryptPesepayPayload } from './pesepay-cipher.js';
import { pesepayError } from './pesepay-error.js';
import { PesepayIntegrationKeyGuard } from './pesepay-integration-key.guard.js';
import { PesepayService } from './pesepay.service.js';

/** Pesepay's merchant API, under the simulator's `/pesepay` prefix. */
@Controller('pesepay/api/payments-engine/v1/payments')
@UseGuards(PesepayIntegrationKeyGuard)
export class PesepayApiController {
  constructor(
    private readonly pesepay: PesepayService,
    private readonly config: ProviderSimConfig,
  ) {}

  @Post('initiate')
  @HttpCode(200)
  initiate(@Body() body: unknown): EncryptedBody {
    const request = decryptRequestBody(body, this.config.PESEPAY_ENCRYPTION_KEY, InitiatePaymentBody);
    return this.encrypted(this.pesepay.initiate(request));
  }

  @Get('check-payment')
  check(@Query('referenceNumber') reference?: unknown): EncryptedBody {
    if (typeof reference !== 'string' || reference === '') throw pesepayError(400, 'referenceNumber is required');
    return this.encrypted(this.pesepay.check(reference));
  }

  private encrypted(value: object): EncryptedBody {
    return { payload: encryptPesepayPayload(value, this.config.PESEPAY_ENCRYPTION_KEY) };
  }
}
