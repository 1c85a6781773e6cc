import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { type AccountView, CreateAccountRequest, GetAccountRequest, Rpc } from '@airtime/contracts';
import { RpcHandler } from '@airtime/platform';
import { AccountsService } from './accounts.service.js';

@Controller()
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @RpcHandler(Rpc.identity.createAccount)
  create(@Payload() request: CreateAccountRequest): Promise<AccountView> {
    return this.accounts.create(request);
  }

  @RpcHandler(Rpc.identity.getAccount)
  get(@Payload() request: GetAccountRequest): Promise<AccountView> {
    return this.accounts.get(request.account_id);
  }
}
