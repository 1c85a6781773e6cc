import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CheckPesepayPaymentRequest,
  DecodePesepayCallbackRequest,
  InitiatePesepayPaymentRequest,
  type PesepayPaymentView,
  Subjects,
} from '@airtime/contracts';
import { PesepayService } from './pesepay.service.js';

/** What wallet's top-ups ask of Pesepay; replicas share these subjects through the queue group. */
@Controller()
export class PesepayController {
  constructor(private readonly pesepay: PesepayService) {}

  @MessagePattern(Subjects.providerAdapters.pesepayInitiate)
  initiate(@Payload() request: InitiatePesepayPaymentRequest): Promise<PesepayPaymentView> {
    return this.pesepay.initiate(request);
  }

  @MessagePattern(Subjects.providerAdapters.pesepayCheck)
  check(@Payload() request: CheckPesepayPaymentRequest): Promise<PesepayPaymentView> {
    return this.pesepay.check(request);
  }

  @MessagePattern(Subjects.providerAdapters.pesepayDecodeCallback)
  decodeCallback(@Payload() request: DecodePesepayCallbackRequest): PesepayPaymentView {
    return this.pesepay.decodeCallback(request);
  }
}
