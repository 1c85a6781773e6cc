import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Rpc } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { OperatorGuard } from '../auth/operator.guard.js';
import type { Principal } from '../auth/principal.js';
import { PrincipalGuard } from '../auth/principal.guard.js';
import { CreditWalletInput } from './dtos/credit-wallet.input.js';
import { LedgerConnectionModel } from './dtos/ledger-connection.model.js';
import { LedgerFilterInput } from './dtos/ledger-filter.input.js';
import { TopUpWalletInput } from './dtos/top-up-wallet.input.js';
import { TopUpModel } from './dtos/top-up.model.js';
import { TransferModel } from './dtos/transfer.model.js';
import { WalletModel } from './dtos/wallet.model.js';
import { parseTopUpAmount } from './parse-top-up-amount.js';
import { MODE_ARG, modeOf, modeOfArg } from './principal-mode.js';

@Resolver()
export class WalletResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => [WalletModel], { description: "The caller's wallets, one per currency." })
  @UseGuards(PrincipalGuard)
  async wallets(@CurrentPrincipal() principal: Principal): Promise<WalletModel[]> {
    const wallets = await this.rpc.request(Rpc.wallet.wallets, { account_id: principal.accountId, mode: modeOf(principal) });
    return wallets.map(WalletModel.from);
  }

  @Query(() => LedgerConnectionModel, { description: "The caller's ledger entries, newest first." })
  @UseGuards(PrincipalGuard)
  async ledger(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { type: () => LedgerFilterInput, nullable: true }) filter?: LedgerFilterInput,
  ): Promise<LedgerConnectionModel> {
    const page = await this.rpc.request(Rpc.wallet.ledger, {
      account_id: principal.accountId,
      mode: modeOf(principal, filter?.mode),
      currency: filter?.currency,
      kind: filter?.kind,
      from: filter?.from,
      to: filter?.to,
      order_id: filter?.orderId,
      cursor: filter?.after,
      limit: filter?.first,
    });
    return LedgerConnectionModel.from(page);
  }

  @Mutation(() => TopUpModel, { description: 'Starts a Pesepay top-up; pay at redirectUrl.' })
  @UseGuards(PrincipalGuard)
  async topUpWallet(@CurrentPrincipal() principal: Principal, @Args('input') input: TopUpWalletInput): Promise<TopUpModel> {
    const topUp = await this.rpc.request(Rpc.wallet.createTopUp, {
      account_id: principal.accountId,
      mode: modeOf(principal),
      currency: input.currency,
      amount_minor: parseTopUpAmount(input.amount, input.currency),
    }, 20_000);
    return TopUpModel.from(topUp);
  }

  @Query(() => TopUpModel)
  @UseGuards(PrincipalGuard)
  async topUp(
    @CurrentPrincipal() principal: Principal,
    @Args('reference') reference: string,
    @Args('mode', MODE_ARG) mode?: string,
  ): Promise<TopUpModel> {
    return TopUpModel.from(await this.rpc.request(Rpc.wallet.getTopUp, { account_id: principal.accountId, mode: modeOfArg(principal, mode), reference }));
  }

  @Mutation(() => TransferModel, { description: "Operators only: credits an account's wallet, with the reason recorded beside the operator." })
  @UseGuards(OperatorGuard)
  async creditWallet(@CurrentPrincipal() principal: Principal, @Args('input') input: CreditWalletInput): Promise<TransferModel> {
    const transfer = await this.rpc.request(Rpc.wallet.credit, {
      idempotency_key: `adjustment:${input.idempotencyKey}`,
      account_id: input.accountId,
      mode: input.mode,
      currency: input.currency,
      amount_minor: input.amountMinor,
      kind: 'adjustment',
      reason: input.reason,
      actor: principal.kind === 'user' ? `user:${principal.userId}` : 'unknown',
    });
    return TransferModel.from(transfer);
  }
}
