import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ESTORESMS_NETWORK_LIST } from '@airtime/upstreams';
import { type EstoresmsSimAnswer, EstoresmsSimService } from './estoresms-sim.service.js';

/**
 * eStoreSMS's Airtime PIN API v2 under the simulator's `/estoresms` prefix: the document's paths,
 * methods, fields and answers (its errors are HTTP 200 with an array-shaped body).
 */
@Controller('estoresms')
export class EstoresmsController {
  constructor(private readonly estoresms: EstoresmsSimService) {}

  /** GET SUPPORTED NETWORKS: exactly the document's sample. */
  @Get('network_list')
  networks(): typeof ESTORESMS_NETWORK_LIST {
    return ESTORESMS_NETWORK_LIST;
  }

  /** GENERATE AIRTIME PIN. */
  @Post('network_processing/v/2')
  @HttpCode(200)
  async generate(@Body() body: unknown, @Res() res: Response): Promise<void> {
    send(res, await this.estoresms.generate(body));
  }

  /** QUERY TRANSACTION, by transaction_id or ref. */
  @Post('api_query')
  @HttpCode(200)
  query(@Body() body: unknown, @Res() res: Response): void {
    send(res, this.estoresms.query(body));
  }

  /** The account's balance (`smsapi.php?username=&password=&balance=true`). */
  @Get('smsapi.php')
  balance(@Query() query: Record<string, unknown>, @Res() res: Response): void {
    send(res, this.estoresms.balance(query));
  }
}

function send(res: Response, answer: EstoresmsSimAnswer): void {
  res.status(answer.status);
  if (answer.kind === 'json') res.json(answer.body);
  else res.type(answer.contentType).send(answer.body);
}
