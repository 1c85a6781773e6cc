import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type DispatchOutcome, DispatchRequest, QueryDispatchRequest, Subjects } from '@airtime/contracts';
import { DispatchService } from './dispatch.service.js';

/** Replicas share these subjects through the service's queue group: each request goes to one. */
@Controller()
export class DispatchController {
  constructor(private readonly dispatch: DispatchService) {}

  @MessagePattern(Subjects.providerAdapters.dispatch)
  send(@Payload() request: DispatchRequest): Promise<DispatchOutcome> {
    return this.dispatch.send(request);
  }

  @MessagePattern(Subjects.providerAdapters.query)
  query(@Payload() request: QueryDispatchRequest): Promise<DispatchOutcome> {
    return this.dispatch.query(request);
  }
}
