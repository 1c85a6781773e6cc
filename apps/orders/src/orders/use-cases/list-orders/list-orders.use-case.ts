import { Injectable } from '@nestjs/common';
import type { OrderPageView, OrderStatus } from '@airtime/contracts';
import { fetchPage } from '@airtime/platform';
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

/**
 * An account's orders, newest first, a page at a time: `after` an order's cursor (its `seq`) for older
 * ones, `before` one for newer ones.
 */
@Injectable()
export class ListOrdersUseCase {
  constructor(private readonly store: OrderStore) {}

  execute({ filter }: ListOrdersCommand): Promise<OrderPageView> {
    const matching = {
      account_id: filter.account_id,
      mode: filter.mode,
      statuses: filter.status === undefined ? undefined : internalStatuses(filter.status),
      network: filter.network?.toLowerCase(),
      target: filter.target,
      from: filter.from,
      to: filter.to,
      batch_id: filter.batch_id,
    };
    return fetchPage(filter, 50, (seek) => this.store.list(matching, seek), (o) => o.seq, toOrderView);
  }
}
