import { Body, Controller, Get, Headers, HttpException, Inject, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { TestNumberOverrides } from '../test-number-overrides.js';
import { completion, TutiSimulatorService } from './tuti-simulator.service.js';

const API_KEY = () => process.env['SIM_TUTI_API_KEY'] ?? 'sim-tuti-api-key';
const PREFIXES: Record<string, RegExp> = { Zain: /^09[01]/, MTN: /^09[29]/, Sudani: /^01[12]/ };

/**
 * Tuti Tech's airtime API as seed 004 documents it: `API-KEY` header; POST /ext/airtime queues a
 * transaction (200 pending), refusals as its 400/401/403/502 bodies; GET (or POST) /ext/airtime/
 * transaction/{id} always answers 200 with the transaction's state. Completion is also POSTed to
 * the webhook (SIM_TUTI_WEBHOOK_URL).
 */
@Controller('tuti/ext/airtime')
export class TutiSimulatorController {
  constructor(
    private readonly tuti: TutiSimulatorService,
    @Inject(TestNumberOverrides) private readonly behaviours: TestNumberOverrides,
  ) {}

  @Post()
  async create(@Headers('api-key') key: string | undefined, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    if (key !== API_KEY()) throw refusal(401, { result: 'error', message: 'Invalid API key', code: 'invalid_api_key' });
    const phone = String(body['phone'] ?? '');
    const type = String(body['type'] ?? '');
    const amount = Number(body['amount']);
    if (!/^0\d{9}$/.test(phone) || !PREFIXES[type]?.test(phone)) {
      throw refusal(400, { result: 'error', message: 'Invalid phone number', code: 'invalid_phone_number' });
    }
    if (!Number.isFinite(amount) || amount <= 0) throw refusal(400, { result: 'error', message: 'Invalid amount', code: 'invalid_amount' });
    const behaviour = this.behaviours.of(phone);
    if (behaviour === 'reject') throw refusal(400, { result: 'error', message: 'Invalid phone number', code: 'invalid_phone_number' });
    const declinedId = String(Date.now()).slice(-8);
    if (behaviour === 'insufficient-balance') {
      throw refusal(403, { result: 'error', status: 'declined', transaction_id: declinedId, message: 'Insufficient funds', code: 'insufficient_funds' });
    }
    if (!this.tuti.withinDailyLimit(phone, type, amount)) {
      throw refusal(502, { result: 'error', status: 'gateway_error', transaction_id: declinedId, message: 'Maximum amount exceeded', code: 'maximum_amount_exceeded' });
    }
    if (behaviour === 'server-error') {
      res.status(500).type('text/plain').send('Internal Server Error');
      return;
    }
    const transaction = this.tuti.create(
      { phone, type, amount: String(body['amount']), customer_name: String(body['customer_name'] ?? ''), customer_email: String(body['customer_email'] ?? '') },
      behaviour,
    );
    if (behaviour === 'timeout-then-success' || behaviour === 'timeout-then-failure') await new Promise((r) => setTimeout(r, this.tuti.slowAnswerMs()));
    if (behaviour === 'garbage') {
      res.status(200).type('text/html').send('<html>queued</html>');
      return;
    }
    res.status(200).json(completion(transaction));
  }

  @Get('transaction/:id')
  inquire(@Headers('api-key') key: string | undefined, @Param('id') id: string) {
    if (key !== API_KEY()) throw refusal(401, { result: 'error', message: 'Invalid API key', code: 'invalid_api_key' });
    const transaction = this.tuti.find(id);
    if (!transaction) return { result: 'error', transaction_id: id, message: 'Transaction not found', code: 'transaction_not_found' };
    return completion(transaction);
  }

  /** The document shows the inquiry with a JSON body too. */
  @Post('transaction/:id')
  inquireByPost(@Headers('api-key') key: string | undefined, @Param('id') id: string) {
    return this.inquire(key, id);
  }
}

function refusal(status: number, body: object): HttpException {
  return new HttpException(body, status);
}
