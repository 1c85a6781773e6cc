import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ListSmsRequest, SendSmsRequest, type SmsView, Subjects } from '@airtime/contracts';
import { SmsService } from './sms.service.js';

@Controller()
export class SmsController {
  constructor(private readonly sms: SmsService) {}

  @MessagePattern(Subjects.notifications.sendSms)
  send(@Payload() request: SendSmsRequest): Promise<{ id: string; queued: boolean }> {
    return this.sms.enqueue(request.idempotency_key, request.purpose, request.to, request.message, request.mode ?? 'live');
  }

  @MessagePattern(Subjects.notifications.listSms)
  list(@Payload() request: ListSmsRequest): Promise<SmsView[]> {
    return this.sms.list(request.status, request.limit, request.mode);
  }
}
