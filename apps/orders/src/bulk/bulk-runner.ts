import { Injectable, Logger } from '@nestjs/common';
import { PlatformError } from '@airtime/platform';
import { OrdersConfig } from '../config/orders.config.js';
import { OrderStore } from '../orders/order-store.js';
import { CreateOrderCommand } from '../orders/use-cases/create-order/create-order.command.js';
import { CreateOrderUseCase } from '../orders/use-cases/create-order/create-order.use-case.js';
import { BulkBatchStore, type BulkBatchRow, type ClaimedBatchRow } from './bulk-batch-store.js';

/** Codes that mean "try this row again later", not "this row cannot be paid". */
const TRANSIENT = new Set(['INTERNAL', 'SERVICE_UNAVAILABLE', 'UPSTREAM_UNAVAILABLE']);
const RETRY_SECONDS = 15;

/**
 * Makes the queued rows of bulk batches into ordinary orders, `BULK_CONCURRENCY` at a time per
 * process. All its state is in the database: a row is claimed with a lease before its order is made
 * and marked dispatched after, and the order is idempotent on the row's agent_reference, so a row
 * whose holder died is taken over when the lease lapses and found, not paid again.
 */
@Injectable()
export class BulkRunner {
  private readonly logger = new Logger(BulkRunner.name);

  constructor(
    private readonly batches: BulkBatchStore,
    private readonly createOrder: CreateOrderUseCase,
    private readonly orders: OrderStore,
    private readonly config: OrdersConfig,
  ) {}

  /** Runs rows until none is left to claim; answers the batches that became final (each once). */
  async runOnce(): Promise<BulkBatchRow[]> {
    await this.batches.skipCancelled();
    const workers = Array.from({ length: this.config.BULK_CONCURRENCY }, () => this.work());
    await Promise.all(workers);
    return this.batches.finishDone();
  }

  private async work(): Promise<void> {
    for (;;) {
      const [row] = await this.batches.claim(1, this.leaseSeconds());
      if (!row) return;
      await this.run(row);
    }
  }

  private async run(row: ClaimedBatchRow): Promise<void> {
    let refusal: unknown;
    try {
      await this.createOrder.execute(new CreateOrderCommand({
        request: {
          account_id: row.account_id, mode: row.mode, product_id: row.product_id, target: row.target, amount: row.amount,
          agent_reference: row.agent_reference, ...(row.custom_sms !== null && { custom_sms: row.custom_sms }),
        },
        batchId: row.batch_id,
        // Waiting for each order's outcome (within the bound) is what bounds the dispatches in flight.
        waitMs: this.config.ORDER_WAIT_MS,
      }));
    } catch (error) {
      refusal = error;
    }
    // Whatever the answer, an order made for the row is the row's (a refused debit still makes one).
    const order = await this.orders.byAgentReference(row.account_id, row.mode, row.agent_reference);
    if (order && order.batch_id === row.batch_id) return this.batches.dispatched(row.batch_id, row.row, order.id);
    const code = refusal instanceof PlatformError ? refusal.code : 'INTERNAL';
    if (order || !TRANSIENT.has(code)) {
      // An order by that reference from outside the batch, or a refusal for good: this row is not paid.
      const why = order ? `agent_reference ${row.agent_reference} is already an order outside this batch` : `${code}: ${(refusal as Error).message}`;
      return this.batches.refused(row.batch_id, row.row, why);
    }
    this.logger.warn(`bulk row ${row.batch_id}#${row.row}: ${(refusal as Error).message}; retrying in ${RETRY_SECONDS}s`);
    await this.batches.retryLater(row.batch_id, row.row, RETRY_SECONDS);
  }

  /** Longer than making one order can take, so a live holder's lease never lapses. */
  private leaseSeconds(): number {
    if (this.config.BULK_LEASE_SECONDS > 0) return this.config.BULK_LEASE_SECONDS;
    return Math.ceil((this.config.ORDER_WAIT_MS + this.config.DISPATCH_TIMEOUT_MS + 2 * this.config.WALLET_TIMEOUT_MS) / 1000) + 30;
  }
}
