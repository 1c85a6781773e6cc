import { Body, Controller, Get, HttpCode, Post, Query, ValidationPipe } from '@nestjs/common';
import { SendSmsBody } from './dtos/send-sms.body.js';
import type { SimulatedSms } from './simulated-sms.js';
import { SmsInbox } from './sms-inbox.js';

@Controller('sim/sms')
export class SmsInboxController {
  constructor(private readonly inbox: SmsInbox) {}

  @Post()
  @HttpCode(201)
  send(@Body(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true })) body: SendSmsBody): SimulatedSms {
    return this.inbox.receive(body.to, body.message, body.from);
  }

  @Get()
  list(@Query('to') to?: string): SimulatedSms[] {
    return this.inbox.list(to);
  }
}
