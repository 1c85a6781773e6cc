import { Injectable } from '@nestjs/common';
import type { BatchPageView } from '@airtime/contracts';
import { fetchPage } from '@airtime/platform';
import { OrderStore } from '../../../orders/order-store.js';
import type { BatchRow } from '../../batch-row.js';
import { BatchStore } from '../../batch-store.js';
import { batchViews } from '../../batch-views.js';
import { ListBatchesCommand } from './list-batches.command.js';

/** An account's batches in one mode, newest first, a page at a time; a cursor is a batch's `seq`. */
@Injectable()
export class ListBatchesUseCase {
  constructor(
    private readonly batches: BatchStore,
    private readonly orders: OrderStore,
  ) {}

  async execute({ request }: ListBatchesCommand): Promise<BatchPageView> {
    const page = await fetchPage(request, 50, (seek) => this.batches.list(request.account_id, request.mode, seek), (b) => b.seq, (b): BatchRow => b);
    const views = await batchViews(this.orders, page.edges.map((e) => e.node));
    return { ...page, edges: page.edges.map((e, i) => ({ cursor: e.cursor, node: views[i] as BatchPageView['edges'][number]['node'] })) };
  }
}
