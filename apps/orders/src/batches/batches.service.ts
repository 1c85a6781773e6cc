import { Injectable, Logger } from '@nestjs/common';
import type { BatchView, CreateBatchRequest } from '@airtime/contracts';
import { PlatformError } from '@airtime/platform';
import { OrderStore } from '../orders/order-store.js';
import { CreateOrderCommand } from '../orders/use-cases/create-order/create-order.command.js';
import { CreateOrderUseCase } from '../orders/use-cases/create-order/create-order.use-case.js';
import { toBatchView } from './batch-row.js';
import { BatchStore } from './batch-store.js';
import { batchNotFound } from './batches.exceptions.js';

/**
 * 000's batch recharge. The batch (with its items) is stored first, then each item becomes an
 * ordinary order, idempotent on its own reference, so a batch cut short by a restart is completed by
 * sending it again: the orders already made are found, not made twice.
 */
@Injectable()
export class BatchesService {
  private readonly logger = new Logger(BatchesService.name);

  constructor(
    private readonly batches: BatchStore,
    private readonly createOrder: CreateOrderUseCase,
    private readonly orders: OrderStore,
  ) {}

  async create(request: CreateBatchRequest): Promise<BatchView> {
    const batch = await this.batches.insert(request.account_id, request.mode, request.items);
    void this.run(batch.id, request);
    return { ...toBatchView(batch, {}), status: 'processing' };
  }

  async get(accountId: string, batchId: string): Promise<BatchView> {
    const batch = await this.batches.byId(accountId, batchId);
    if (!batch) throw batchNotFound();
    return toBatchView(batch, await this.orders.countByBatch(batchId));
  }

  private async run(batchId: string, request: CreateBatchRequest): Promise<void> {
    for (const item of request.items) {
      try {
        await this.createOrder.execute(new CreateOrderCommand({ request: { account_id: request.account_id, mode: request.mode, ...item }, batchId, waitMs: 0 }));
      } catch (error) {
        const refused = error instanceof PlatformError && error.code !== 'INTERNAL' && error.code !== 'SERVICE_UNAVAILABLE';
        if (refused) await this.batches.countRefused(batchId);
        this.logger.warn(`batch ${batchId} item ${item.agent_reference}: ${(error as Error).message}`);
      }
    }
  }
}
