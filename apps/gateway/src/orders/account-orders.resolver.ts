import { Args, ResolveField, Resolver } from '@nestjs/graphql';
import { Rpc } from '@airtime/contracts';
import { PlatformError, RpcClient } from '@airtime/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { type Connection, CONNECTION_COMPLEXITY, connectionOf, filtersOf, ModeConnectionArgs, pageRequestOf } from '../graph/connection.js';
import { MODE_ARG } from '../graph/mode.arg.js';
import { graphMode, type ModeEnum } from '../graph/mode.js';
import { AccountModel } from '../identity/dtos/account.model.js';
import { BatchModel } from './dtos/batch.model.js';
import { BatchConnection, OrderConnection } from './dtos/connections.js';
import { OrderModel } from './dtos/order.model.js';
import { AccountOrdersArgs } from './dtos/orders-filter.args.js';

/** An account's orders and batches. */
@Resolver(() => AccountModel)
export class AccountOrdersResolver {
  constructor(private readonly rpc: RpcClient) {}

  @ResolveField(() => OrderConnection, { ...CONNECTION_COMPLEXITY, description: 'Newest first.' })
  async orders(
    @CurrentPrincipal() principal: Principal,
    @Args() args: AccountOrdersArgs,
  ): Promise<Connection<OrderModel>> {
    const found = await this.rpc.request(Rpc.orders.list, {
      account_id: principal.accountId,
      mode: graphMode(principal, args.mode),
      ...filtersOf(args),
      ...pageRequestOf(args),
    });
    return connectionOf(found, OrderModel.from);
  }

  @ResolveField(() => OrderModel, { nullable: true, description: "One order by the caller's own agentReference (001's idempotency key)." })
  async order(
    @CurrentPrincipal() principal: Principal,
    @Args('agentReference') agentReference: string,
    @Args('mode', MODE_ARG) mode?: ModeEnum,
  ): Promise<OrderModel | null> {
    try {
      return OrderModel.from(await this.rpc.request(Rpc.orders.get, { account_id: principal.accountId, mode: graphMode(principal, mode), agent_reference: agentReference }));
    } catch (error) {
      if (error instanceof PlatformError && error.code === 'ORDER_NOT_FOUND') return null;
      throw error;
    }
  }

  @ResolveField(() => BatchConnection, { ...CONNECTION_COMPLEXITY, description: 'Batch recharges, newest first.' })
  async batches(@CurrentPrincipal() principal: Principal, @Args() args: ModeConnectionArgs): Promise<Connection<BatchModel>> {
    const found = await this.rpc.request(Rpc.orders.listBatches, { account_id: principal.accountId, mode: graphMode(principal, args.mode), ...pageRequestOf(args) });
    return connectionOf(found, BatchModel.from);
  }
}

