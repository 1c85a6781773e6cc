import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CheckPesepayPaymentRequest,
  DecodePesepayCallbackRequest,
  InitiatePesepayPaymentRequest,
  type PesepayPaymentView,
  Rpc,
} from '@airtime/contracts';
import { RpcHandler } from '@airtime/platform';
import { PesepayService } from './pesepay.service.js';

/** What wallet's top-ups ask of Pesepay; replicas share these subjects through the queue group. */
@Controller()
export class PesepayController {
  constructor(private readonly pesepay: PesepayService) {}

  @RpcHandler(Rpc.providerAdapters.pesepayInitiate)
  initiate(@Payload() request: InitiatePesepayPaymentRequest): Promise<PesepayPaymentView> {
    return this.pesepay.initiate(request);
  }

  @RpcHandler(Rpc.providerAdapters.pesepayCheck)
  check(@Payload() request: CheckPesepayPaymentRequest): Promise<PesepayPaymentView> {
    return this.pesepay.check(request);
  }

  @RpcHandler(Rpc.providerAdapters.pesepayDecodeCallback)
  decodeCallback(@Payload() request: DecodePesepayCallbackRequest): PesepayPaymentView {
    return this.pesepay.decodeCallback(request);
  }
}
