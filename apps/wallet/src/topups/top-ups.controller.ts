import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreateTopUpRequest, GetTopUpRequest, Subjects, TopUpCallbackRequest, type TopUpView } from '@airtime/contracts';
import { TopUpsService } from './top-ups.service.js';

@Controller()
export class TopUpsController {
  constructor(private readonly topUps: TopUpsService) {}

  @MessagePattern(Subjects.wallet.createTopUp)
  create(@Payload() request: CreateTopUpRequest): Promise<TopUpView> {
    return this.topUps.create(request);
  }

  @MessagePattern(Subjects.wallet.getTopUp)
  get(@Payload() request: GetTopUpRequest): Promise<TopUpView> {
    return this.topUps.get(request.account_id, request.mode, request.reference);
  }

  @MessagePattern(Subjects.wallet.topUpCallback)
  callback(@Payload() request: TopUpCallbackRequest): Promise<TopUpView> {
    return this.topUps.callback(request.payload);
  }
}
