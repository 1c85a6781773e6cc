import { Injectable } from '@nestjs/common';
import type { OrderPageView, OrderStatus } from '@airtime/contracts';
import { type InternalOrderStatus, toOrderView } from '../../order-row.js';
import { OrderStore } from '../../order-store.js';
import { ListOrdersCommand } from './list-orders.command.js';

/** The internal states a client's status filter stands for (the inverse of publicStatus). */
function internalStatuses(status: OrderStatus): InternalOrderStatus[] {
  switch (status) {
    case 'pending':
      return ['created', 'debited', 'dispatching'];
    case 'failed':
      return ['failed', 'rejected'];
    case 'reversed':
      return ['reversing', 'reversed'];
    default:
      return [status];
  }
}

/** An account's orders, newest first, a page at a time; the cursor is the last order's `seq`. */
@Injectable()
export class ListOrdersUseCase {
  constructor(private readonly store: OrderStore) {}

  async execute({ filter }: ListOrdersCommand): Promise<OrderPageView> {
    const limit = filter.limit ?? 50;
    const found = await this.store.list({
      account_id: filter.account_id,
      mode: filter.mode,
      statuses: filter.status === undefined ? undefined : internalStatuses(filter.status),
      network: filter.network?.toLowerCase(),
      target: filter.target,
      from: filter.from,
      to: filter.to,
      before_seq: filter.cursor,
      limit: limit + 1,
    });
    const page = found.slice(0, limit);
    return { orders: page.map(toOrderView), next_cursor: found.length > limit ? String(page.at(-1)?.seq) : null };
  }
}
