import { Body, Controller, Get, HttpCode, HttpException, Put, Query } from '@nestjs/common';
import { EstoresmsSimService, type SimulatedEstoresmsTransaction } from './estoresms-sim.service.js';

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

  /**
   * What the simulator did with one `ref`, PIN left out: whether it generated anything, and its
   * status now. A test's independent record of delivery (api_query would need the account's hash).
   */
  @Get('transactions')
  transaction(@Query('ref') ref?: string): Omit<SimulatedEstoresmsTransaction, 'pin' | 'amount_kobo' | 'charged_kobo'> & { amount_kobo: string; charged_kobo: string } {
    const found = typeof ref === 'string' && ref !== '' ? this.estoresms.byRefOf(ref) : undefined;
    if (!found) throw new HttpException({ message: `No transaction with ref ${String(ref).slice(0, 64)}` }, 404);
    const { pin: _pin, ...rest } = found;
    return { ...rest, amount_kobo: String(found.amount_kobo), charged_kobo: String(found.charged_kobo) };
  }
}
