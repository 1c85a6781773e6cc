import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type ApiKeyMode, type LedgerPageView, Rpc } from '@airtime/contracts';
import { PlatformError, RpcClient } from '@airtime/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { OperatorGuard } from '../auth/operator.guard.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { PrincipalGuard } from '../auth/principal.guard.js';
import { boundedConnectionComplexity, type Connection, CONNECTION_COMPLEXITY, ConnectionArgs, connectionOf, connectionOfList, filtersOf, ModeConnectionArgs, type PageArgs, pageRequestOf } from '../graph/connection.js';
import { Loaders } from '../graph/graph-context.js';
import type { GraphLoaders } from '../graph/graph-loaders.js';
import { MODE_ARG } from '../graph/mode.arg.js';
import { canSeeMode, graphMode, type ModeEnum } from '../graph/mode.js';
import { AccountModel } from '../identity/dtos/account.model.js';
import { OrderModel } from '../orders/dtos/order.model.js';
import { LedgerEntryConnection, TopUpConnection, WalletConnection } from './dtos/connections.js';
import { CreditWalletInput } from './dtos/credit-wallet.input.js';
import { LedgerEntryModel } from './dtos/ledger-entry.model.js';
import { CreditWalletPayload, TopUpWalletPayload } from './dtos/payloads.js';
import { TopUpWalletInput } from './dtos/top-up-wallet.input.js';
import { TopUpModel } from './dtos/top-up.model.js';
import { TransferModel } from './dtos/transfer.model.js';
import { WalletModel } from './dtos/wallet.model.js';
import { LedgerArgs, TopUpsArgs } from './dtos/wallet-filter.args.js';
import { parseTopUpAmount } from './parse-top-up-amount.js';

/** An account holds one wallet per currency it uses: a handful, whatever a page asks. */
const MAX_WALLETS = 10;

/** The ledger pages forwards only (newest first, `after` an entry): a ledger is read from now backwards. */
function ledgerPage(page: PageArgs): { cursor?: string; limit: number } {
  if (page.last != null || page.before != null) {
    throw new PlatformError('VALIDATION_FAILED', 'Validation failed', { fields: { last: ['the ledger pages forwards: use first and after'] } });
  }
  const { after, limit } = pageRequestOf(page);
  return { ...(after ? { cursor: after } : {}), limit };
}

function ledgerConnection(found: LedgerPageView, mode: ApiKeyMode, after?: string): Connection<LedgerEntryModel> {
  return connectionOf(
    { edges: found.entries.map((e) => ({ cursor: e.id, node: e })), has_next_page: found.next_cursor !== null, has_previous_page: after !== undefined },
    (entry) => LedgerEntryModel.from(entry, mode),
  );
}

/** An account's money: wallets, their ledger, top-ups. */
@Resolver(() => AccountModel)
export class AccountWalletResolver {
  constructor(private readonly rpc: RpcClient) {}

  @ResolveField(() => WalletConnection, { ...boundedConnectionComplexity(MAX_WALLETS), description: 'One wallet per currency.' })
  async wallets(
    @CurrentPrincipal() principal: Principal,
    @Loaders() loaders: GraphLoaders,
    @Args() args: ModeConnectionArgs,
  ): Promise<Connection<WalletModel>> {
    const wallets = await loaders.wallets(principal.accountId, graphMode(principal, args.mode));
    return connectionOfList(wallets.map(WalletModel.from), (w) => w.currency, args);
  }

  @ResolveField(() => LedgerEntryConnection, { ...CONNECTION_COMPLEXITY, description: 'Every wallet movement, newest first.' })
  async ledger(
    @CurrentPrincipal() principal: Principal,
    @Args() args: LedgerArgs,
  ): Promise<Connection<LedgerEntryModel>> {
    const filter = filtersOf(args);
    const scoped = graphMode(principal, args.mode);
    const found = await this.rpc.request(Rpc.wallet.ledger, {
      account_id: principal.accountId,
      mode: scoped,
      currency: filter.currency,
      kind: filter.kind,
      from: filter.from,
      to: filter.to,
      order_id: filter.orderId,
      ...ledgerPage(args),
    });
    return ledgerConnection(found, scoped, args.after);
  }

  @ResolveField(() => TopUpConnection, { ...CONNECTION_COMPLEXITY, description: 'Wallet top-ups (Pesepay), newest first.' })
  async topUps(
    @CurrentPrincipal() principal: Principal,
    @Args() args: TopUpsArgs,
  ): Promise<Connection<TopUpModel>> {
    const found = await this.rpc.request(Rpc.wallet.listTopUps, { account_id: principal.accountId, mode: graphMode(principal, args.mode), ...filtersOf(args), ...pageRequestOf(args) });
    return connectionOf(found, TopUpModel.from);
  }

  @ResolveField(() => TopUpModel, { nullable: true, description: 'One top-up by its reference (TOP-…).' })
  async topUp(@CurrentPrincipal() principal: Principal, @Args('reference') reference: string, @Args('mode', MODE_ARG) mode?: ModeEnum): Promise<TopUpModel | null> {
    try {
      return TopUpModel.from(await this.rpc.request(Rpc.wallet.getTopUp, { account_id: principal.accountId, mode: graphMode(principal, mode), reference }));
    } catch (error) {
      if (error instanceof PlatformError && error.code === 'TOPUP_NOT_FOUND') return null;
      throw error;
    }
  }
}

@Resolver(() => WalletModel)
export class WalletResolver {
  constructor(private readonly rpc: RpcClient) {}

  @ResolveField(() => LedgerEntryConnection, { ...CONNECTION_COMPLEXITY, description: "This wallet's movements, newest first." })
  async ledger(
    @Parent() wallet: WalletModel,
    @CurrentPrincipal() principal: Principal,
    @Args() page: ConnectionArgs,
  ): Promise<Connection<LedgerEntryModel>> {
    const found = await this.rpc.request(Rpc.wallet.ledger, { account_id: principal.accountId, mode: wallet.mode, currency: wallet.currency, ...ledgerPage(page) });
    return ledgerConnection(found, wallet.mode, page.after);
  }

  @Mutation(() => TopUpWalletPayload, { description: 'Starts a Pesepay top-up; pay at topUp.redirectUrl.' })
  @UseGuards(PrincipalGuard)
  async topUpWallet(@CurrentPrincipal() principal: Principal, @Args('input') input: TopUpWalletInput): Promise<TopUpWalletPayload> {
    const topUp = await this.rpc.request(Rpc.wallet.createTopUp, {
      account_id: principal.accountId,
      mode: graphMode(principal, input.mode),
      currency: input.currency,
      amount_minor: parseTopUpAmount(input.amount, input.currency),
    }, 20_000);
    return { topUp: TopUpModel.from(topUp) };
  }

  @Mutation(() => CreditWalletPayload, { description: "Operators only: credits an account's wallet, with the reason recorded beside the operator." })
  @UseGuards(OperatorGuard)
  async creditWallet(@CurrentPrincipal() principal: Principal, @Args('input') input: CreditWalletInput): Promise<CreditWalletPayload> {
    const transfer = await this.rpc.request(Rpc.wallet.credit, {
      idempotency_key: `adjustment:${input.idempotencyKey}`,
      account_id: input.accountId,
      mode: input.mode,
      currency: input.currency,
      amount_minor: input.amountMinor,
      kind: 'adjustment',
      reason: input.reason,
      actor: actorOf(principal),
    });
    return { transfer: TransferModel.from(transfer) };
  }
}

@Resolver(() => LedgerEntryModel)
export class LedgerEntryResolver {
  @ResolveField(() => OrderModel, { nullable: true, description: 'The order this entry paid for or refunded' })
  async order(@Parent() entry: LedgerEntryModel, @CurrentPrincipal() principal: Principal, @Loaders() loaders: GraphLoaders): Promise<OrderModel | null> {
    if (!entry.orderId || !canSeeMode(principal, entry.mode) || !/^[0-9a-f-]{36}$/i.test(entry.orderId)) return null;
    const order = await loaders.orders(principal.accountId, entry.mode).load(entry.orderId);
    return order ? OrderModel.from(order) : null;
  }
}
