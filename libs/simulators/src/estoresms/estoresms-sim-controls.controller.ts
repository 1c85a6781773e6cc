import { Body, Controller, HttpCode, HttpException, Put } from '@nestjs/common';
import { EstoresmsSimService } from './estoresms-sim.service.js';

/** Naira as the balance call writes them: whole, or with up to two decimals. */
const NAIRA = /^\d{1,12}(\.\d{1,2})?$/;

/**
 * Simulator-only, served outside production (EstoresmsSimulatorModule.register): sets the wallet, so
 * that a test can exhaust our float with eStoreSMS and see P009 ("Insufficient Balance") and the
 * balance call report it.
 */
@Controller('estoresms/sim')
export class EstoresmsSimControlsController {
  constructor(private readonly estoresms: EstoresmsSimService) {}

  @Put('balance')
  @HttpCode(200)
  setBalance(@Body() body: { naira?: unknown } | undefined): { naira: string } {
    const naira = typeof body?.naira === 'number' ? String(body.naira) : body?.naira;
    if (typeof naira !== 'string' || !NAIRA.test(naira)) throw new HttpException({ message: 'naira must be an amount such as "123.00"' }, 400);
    const [whole = '0', fraction = ''] = naira.split('.');
    const kobo = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
    this.estoresms.setBalance(kobo);
    return { naira: `${kobo / 100n}.${String(kobo % 100n).padStart(2, '0')}` };
  }
}
