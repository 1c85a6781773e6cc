import { Controller, Get, Headers, HttpException, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AfricasTalkingSimulatorService } from './africastalking-simulator.service.js';

const API_KEY = () => process.env['SIM_AFRICASTALKING_API_KEY'] ?? 'sim-at-api-key';

/**
 * The airtime service of seed 002 (a wrapper of Africa's Talking's airtime API): GET /airtime/ for its
 * status, GET /airtime/invoke-send-airtime?phone=&amount=&currency=&idempotencyKey= to send, 400 for
 * a missing phone or a bad amount, 500 for errors. Status callbacks go to SIM_AFRICASTALKING_CALLBACK_URL.
 * Africa's Talking authenticates with an `apiKey` header.
 */
@Controller('africastalking/airtime')
export class AfricasTalkingSimulatorController {
  constructor(private readonly at: AfricasTalkingSimulatorService) {}

  @Get()
  status() {
    return { service: 'airtime', status: 'ready' };
  }

  @Get('invoke-send-airtime')
  async send(
    @Headers('apikey') apiKey: string | undefined,
    @Query() query: Record<string, string | undefined>,
    @Res() res: Response,
  ): Promise<void> {
    if (apiKey !== API_KEY()) throw new HttpException({ error: 'The supplied authentication is invalid' }, 401);
    if (!query['phone']) throw new HttpException({ error: "Missing 'phone' query parameter" }, 400);
    const amount = Number(query['amount']);
    if (!Number.isFinite(amount) || amount <= 0) throw new HttpException({ error: 'Invalid amount, must be a positive number' }, 400);
    const phone = query['phone'].replace(/^\+/, '');
    const currency = query['currency'] ?? 'KES';
    const { response, behaviour, replay } = this.at.send(phone, amount, currency, query['idempotencyKey'] ?? `${phone}:${amount}:${Date.now()}`);
    if (!response) {
      res.status(500).json({ error: "Internal server error: Africa's Talking API error" });
      return;
    }
    if (!replay && (behaviour === 'timeout-then-success' || behaviour === 'timeout-then-failure')) await new Promise((r) => setTimeout(r, this.at.slowAnswerMs()));
    if (!replay && behaviour === 'garbage') {
      res.status(200).type('text/plain').send('airtime ok');
      return;
    }
    res.status(200).json({ message: 'Airtime sent successfully', response });
  }
}
