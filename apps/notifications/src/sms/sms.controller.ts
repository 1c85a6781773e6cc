import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SendSmsRequest, Subjects } from '@airtime/contracts';
import { SmsService } from './sms.service.js';

@Controller()
export class SmsController {
  constructor(private readonly sms: SmsService) {}

  @MessagePattern(Subjects.notifications.sendSms)
  send(@Payload() request: SendSmsRequest): Promise<{ id: string; queued: boolean }> {
    return this.sms.enqueue(request.idempotency_key, request.purpose, request.to, request.message);
  }
}
