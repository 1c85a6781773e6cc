import { Injectable } from '@nestjs/common';
import type { OrderView } from '@airtime/contracts';
import { toOrderView } from '../../order-row.js';
import { OrderStore } from '../../order-store.js';
import { GetOrdersCommand } from './get-orders.command.js';

/**
 * Several of an account's orders by id in one query, as a page's links to them are resolved; ids that
 * are not its orders in that mode are left out, not refused, so one missing order fails nothing else.
 */
@Injectable()
export class GetOrdersUseCase {
  constructor(private readonly store: OrderStore) {}

  async execute(command: GetOrdersCommand): Promise<OrderView[]> {
    return (await this.store.byIds(command.accountId, command.mode, command.ids)).map(toOrderView);
  }
}
