import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ListSmsRequest, SendSmsRequest, type SmsView, Rpc } from '@airtime/contracts';
import { RpcHandler } from '@airtime/platform';
import { SmsService } from './sms.service.js';

@Controller()
export class SmsController {
  constructor(private readonly sms: SmsService) {}

  @RpcHandler(Rpc.notifications.sendSms)
  send(@Payload() request: SendSmsRequest): Promise<{ id: string; queued: boolean }> {
    return this.sms.enqueue(request.idempotency_key, request.purpose, request.to, request.message, request.mode ?? 'live');
  }

  @RpcHandler(Rpc.notifications.listSms)
  list(@Payload() request: ListSmsRequest): Promise<SmsView[]> {
    return this.sms.list(request.status, request.limit, request.mode);
  }
}
