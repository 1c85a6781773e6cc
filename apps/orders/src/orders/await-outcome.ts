import type { OrderView } from '@airtime/contracts';
import { debitRefused, orderVanished } from './orders.exceptions.js';
import { type OrderRow, RESTING, toOrderView } from './order-row.js';
import type { OrderStore } from './order-store.js';

/**
 * The order once it rests or `waitMs` passes; `work` is the caller's own processing of it, awaited
 * first (within the same bound), and the row it ends with is taken as it stands when it rests. A
 * refused debit is answered as 000 shows: 422 Insufficient funds / Wallet not found, with nothing
 * dispatched.
 */
export async function awaitOutcome(store: OrderStore, orderId: string, waitMs: number, work?: Promise<OrderRow | undefined>): Promise<OrderView> {
  const deadline = Date.now() + waitMs;
  let timer: NodeJS.Timeout | undefined;
  const worked = work
    ? await Promise.race([work, new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), waitMs).unref(); })])
    : undefined;
  clearTimeout(timer);
  let order = worked && RESTING.includes(worked.status) ? worked : await store.byId(orderId);
  while (order && !RESTING.includes(order.status) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    order = await store.byId(orderId);
  }
  if (!order) throw orderVanished();
  if (order.status === 'rejected' && (order.error_code === 'INSUFFICIENT_FUNDS' || order.error_code === 'WALLET_NOT_FOUND')) {
    throw debitRefused(order.error_code, order.message);
  }
  return toOrderView(order);
}
