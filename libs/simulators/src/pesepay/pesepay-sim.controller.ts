import { Controller, Get, Query } from '@nestjs/common';
import { PesepaySimulatorService, type SentPesepayCallback } from './pesepay-simulator.service.js';

/** For tests and people: what the simulated Pesepay sent. Not part of Pesepay's API. */
@Controller('pesepay/sim')
export class PesepaySimController {
  constructor(private readonly pesepay: PesepaySimulatorService) {}

  /** Result callbacks sent, newest first, optionally for one payment. */
  @Get('callbacks')
  callbacksSent(@Query('reference') reference?: string): SentPesepayCallback[] {
    return this.pesepay.callbacks.list({ reference: typeof reference === 'string' && reference !== '' ? reference : undefined });
  }
}
