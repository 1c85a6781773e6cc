import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CreateTopUpRequest, GetTopUpRequest, ListTopUpsRequest, Rpc, TopUpCallbackRequest, type TopUpPageView, type TopUpView } from '@airtime/contracts';
import { RpcHandler } from '@airtime/platform';
import { ApplyTopUpCallbackCommand } from './use-cases/apply-top-up-callback/apply-top-up-callback.command.js';
import { ApplyTopUpCallbackUseCase } from './use-cases/apply-top-up-callback/apply-top-up-callback.use-case.js';
import { CreateTopUpCommand } from './use-cases/create-top-up/create-top-up.command.js';
import { CreateTopUpUseCase } from './use-cases/create-top-up/create-top-up.use-case.js';
import { GetTopUpCommand } from './use-cases/get-top-up/get-top-up.command.js';
import { GetTopUpUseCase } from './use-cases/get-top-up/get-top-up.use-case.js';
import { ListTopUpsCommand } from './use-cases/list-top-ups/list-top-ups.command.js';
import { ListTopUpsUseCase } from './use-cases/list-top-ups/list-top-ups.use-case.js';

@Controller()
export class TopUpsController {
  constructor(
    private readonly createTopUp: CreateTopUpUseCase,
    private readonly getTopUp: GetTopUpUseCase,
    private readonly listTopUps: ListTopUpsUseCase,
    private readonly applyCallback: ApplyTopUpCallbackUseCase,
  ) {}

  @RpcHandler(Rpc.wallet.createTopUp)
  create(@Payload() request: CreateTopUpRequest): Promise<TopUpView> {
    return this.createTopUp.execute(new CreateTopUpCommand({ request }));
  }

  @RpcHandler(Rpc.wallet.getTopUp)
  get(@Payload() request: GetTopUpRequest): Promise<TopUpView> {
    return this.getTopUp.execute(new GetTopUpCommand({ accountId: request.account_id, mode: request.mode, reference: request.reference }));
  }

  @RpcHandler(Rpc.wallet.listTopUps)
  list(@Payload() request: ListTopUpsRequest): Promise<TopUpPageView> {
    return this.listTopUps.execute(new ListTopUpsCommand({ request }));
  }

  @RpcHandler(Rpc.wallet.topUpCallback)
  callback(@Payload() request: TopUpCallbackRequest): Promise<TopUpView> {
    return this.applyCallback.execute(new ApplyTopUpCallbackCommand({ payload: request.payload }));
  }
}
