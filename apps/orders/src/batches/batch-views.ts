import type { BatchView } from '@airtime/contracts';
import type { OrderStore } from '../orders/order-store.js';
import { type BatchRow, toBatchView } from './batch-row.js';

/** Batches as their client sees them, their orders counted in one grouped query for all of them. */
export async function batchViews(orders: OrderStore, batches: BatchRow[]): Promise<BatchView[]> {
  if (batches.length === 0) return [];
  const counts = await orders.countByBatches(batches.map((b) => b.id));
  return batches.map((b) => toBatchView(b, counts.get(b.id) ?? {}));
}
