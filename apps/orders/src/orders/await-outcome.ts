import type { OrderView } from '@airtime/contracts';
import { debitRefused, orderVanished } from './orders.exceptions.js';
import { RESTING, toOrderView } from './order-row.js';
import type { OrderStore } from './order-store.js';

/**
 * The order once it rests or `waitMs` passes; `work` is the caller's own processing of it, awaited
 * first (within the same bound). A refused debit is answered as 000 shows: 422 Insufficient funds /
 * Wallet not found, with nothing dispatched.
 */
export async function awaitOutcome(store: OrderStore, orderId: string, waitMs: number, work?: Promise<void>): Promise<OrderView> {
  const deadline = Date.now() + waitMs;
  if (work) await Promise.race([work, new Promise((resolve) => setTimeout(resolve, waitMs).unref())]);
  let order = await store.byId(orderId);
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
