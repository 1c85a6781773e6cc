import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { type DispatchOutcome, DispatchRequest, QueryDispatchRequest, Rpc } from '@airtime/contracts';
import { RpcHandler } from '@airtime/platform';
import { DispatchService } from './dispatch.service.js';

/** Replicas share these subjects through the service's queue group: each request goes to one. */
@Controller()
export class DispatchController {
  constructor(private readonly dispatch: DispatchService) {}

  @RpcHandler(Rpc.providerAdapters.dispatch)
  send(@Payload() request: DispatchRequest): Promise<DispatchOutcome> {
    return this.dispatch.send(request);
  }

  @RpcHandler(Rpc.providerAdapters.query)
  query(@Payload() request: QueryDispatchRequest): Promise<DispatchOutcome> {
    return this.dispatch.query(request);
  }
}
