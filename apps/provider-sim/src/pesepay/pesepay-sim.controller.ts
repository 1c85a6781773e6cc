import { Controller, Get, Query } from '@nestjs/common';
import { PesepayCallbacks } from './pesepay-callbacks.js';
import type { SentPesepayCallback } from './sent-pesepay-callback.js';

/** For tests and people: what the simulated Pesepay sent. Not part of Pesepay's API. */
@Controller('pesepay/sim')
export class PesepaySimController {
  constructor(private readonly callbacks: PesepayCallbacks) {}

  /** Result callbacks sent, newest first, optionally for one payment. */
  @Get('callbacks')
  callbacksSent(@Query('reference') reference?: string): SentPesepayCallback[] {
    return this.callbacks.list(typeof reference === 'string' && reference !== '' ? reference : undefined);
  }
}
