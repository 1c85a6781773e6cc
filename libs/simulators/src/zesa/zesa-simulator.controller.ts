import { Body, Controller, Get, Headers, HttpCode, HttpException, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ZesaSimulatorService } from './zesa-simulator.service.js';

const API_KEY = () => process.env['SIM_ZESA_API_KEY'] ?? 'sim-zesa-api-key';

/**
 * A ZESA prepaid electricity vendor. There is no seed document for ZESA, so this API is ours, kept
 * small and plausible:
 *   POST /zesa/api/v1/meters/lookup {meter_number}            → the meter's customer, or 404 METER_NOT_FOUND
 *   POST /zesa/api/v1/tokens {meter_number, amount, currency, reference}
 *        → 200 {reference, receipt_number, token (20 digits), token_formatted, units_kwh, customer_name, amount, currency}
 *        → 202 {status: "processing"} while the vending system is slow; 402 VENDOR_FLOAT_EXHAUSTED
 *        Idempotent on reference: the same reference never sells twice.
 *   GET  /zesa/api/v1/tokens/{reference}                      → the sale, 202 processing, or 404 (never sold)
 * Every call needs `X-Api-Key`; errors are {error: {code, message}}.
 */
@Controller('zesa/api/v1')
export class ZesaSimulatorController {
  constructor(private readonly zesa: ZesaSimulatorService) {}

  @Post('meters/lookup')
  @HttpCode(200)
  lookup(@Headers('x-api-key') key: string | undefined, @Body() body: { meter_number?: unknown }) {
    this.authenticate(key);
    const meter = String(body?.meter_number ?? '');
    const found = this.zesa.lookup(meter);
    if (!found) throw error(404, 'METER_NOT_FOUND', `Meter ${meter} is not registered`);
    return found;
  }

  @Post('tokens')
  async buy(@Headers('x-api-key') key: string | undefined, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    this.authenticate(key);
    const { meter_number, amount, currency, reference } = body ?? {};
    if (typeof meter_number !== 'string' || typeof reference !== 'string' || typeof amount !== 'string' || !/^\d+(\.\d{1,2})?$/.test(amount) || !['USD', 'ZWG'].includes(String(currency))) {
      throw error(400, 'INVALID_REQUEST', 'meter_number, amount (decimal string), currency (USD or ZWG) and reference are required');
    }
    const result = this.zesa.purchase(meter_number, amount, String(currency), reference);
    if ((result.kind === 'sold' || result.kind === 'refused') && result.slow) await new Promise((r) => setTimeout(r, this.zesa.slowAnswerMs()));
    if (result.kind === 'processing') {
      res.status(202).json({ status: 'processing', reference });
    } else if (result.kind === 'refused') {
      res.status(result.status).json({ error: { code: result.code, message: result.message } });
    } else if (result.garbage) {
      res.status(200).type('text/html').send('<html><body>Token vended</body></html>');
    } else {
      const { ready_at: _ready, ...sale } = result.sale;
      res.status(200).json(sale);
    }
  }

  @Get('tokens/:reference')
  find(@Headers('x-api-key') key: string | undefined, @Param('reference') reference: string, @Res() res: Response): void {
    this.authenticate(key);
    const sale = this.zesa.find(reference);
    if (!sale) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: `No token sold under ${reference}` } });
    } else if (sale === 'processing') {
      res.status(202).json({ status: 'processing', reference });
    } else {
      const { ready_at: _ready, ...view } = sale;
      res.status(200).json(view);
    }
  }

  private authenticate(key: string | undefined): void {
    if (key !== API_KEY()) throw error(401, 'UNAUTHORIZED', 'Invalid API key');
  }
}

function error(status: number, code: string, message: string): HttpException {
  return new HttpException({ error: { code, message } }, status);
}
