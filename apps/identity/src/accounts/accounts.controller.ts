import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type AccountView, CreateAccountRequest, GetAccountRequest, Subjects } from '@airtime/contracts';
import { AccountsService } from './accounts.service.js';

@Controller()
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @MessagePattern(Subjects.identity.createAccount)
  create(@Payload() request: CreateAccountRequest): Promise<AccountView> {
    return this.accounts.create(request);
  }

  @MessagePattern(Subjects.identity.getAccount)
  get(@Payload() request: GetAccountRequest): Promise<AccountView> {
    return this.accounts.get(request.account_id);
  }
}
