import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { BatchView, CreateBatchRequest } from '@airtime/contracts';
import { PlatformError, rows } from '@airtime/platform';
import { OrderStore } from '../orders/order-store.js';
import { CreateOrderCommand } from '../orders/use-cases/create-order/create-order.command.js';
import { CreateOrderUseCase } from '../orders/use-cases/create-order/create-order.use-case.js';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly createOrder: CreateOrderUseCase,
    private readonly orders: OrderStore,
  ) {}

  async create(request: CreateBatchRequest): Promise<BatchView> {
    const [batch] = await rows<{ id: string; created_at: Date }>(
      this.dataSource,
      `INSERT INTO batches (account_id, mode, items, total_count) VALUES ($1, $2, $3, $4) RETURNING id, created_at`,
      [request.account_id, request.mode, JSON.stringify(request.items), request.items.length],
    );
    const id = (batch as { id: string }).id;
    void this.run(id, request);
    return { batch_id: id, total_count: request.items.length, status: 'processing', counts: {}, created_at: new Date((batch as { created_at: Date }).created_at).toISOString() };
  }

  async get(accountId: string, batchId: string): Promise<BatchView> {
    const [batch] = await rows<{ id: string; total_count: number; refused_count: number; created_at: Date }>(
      this.dataSource,
      `SELECT id, total_count, refused_count, created_at FROM batches WHERE id = $1 AND account_id = $2`,
      [batchId, accountId],
    );
    if (!batch) throw batchNotFound();
    // A failed order whose refund has not landed yet is still moving money: the batch is not done.
    const byStatus = await this.orders.countByBatch(batchId);
    // Items refused before becoming orders (a bad number, an amount out of range) count as failed.
    if (batch.refused_count) byStatus['refused'] = batch.refused_count;
    const finished = (byStatus['success'] ?? 0) + (byStatus['refunded'] ?? 0) + (byStatus['failed'] ?? 0) + batch.refused_count;
    return {
      batch_id: batch.id,
      total_count: batch.total_count,
      status: finished >= batch.total_count ? 'completed' : 'processing',
      counts: byStatus,
      created_at: new Date(batch.created_at).toISOString(),
    };
  }

  private async run(batchId: string, request: CreateBatchRequest): Promise<void> {
    for (const item of request.items) {
      try {
        await this.createOrder.execute(new CreateOrderCommand({ request: { account_id: request.account_id, mode: request.mode, ...item }, batchId, waitMs: 0 }));
      } catch (error) {
        const refused = error instanceof PlatformError && error.code !== 'INTERNAL' && error.code !== 'SERVICE_UNAVAILABLE';
        if (refused) await this.dataSource.query(`UPDATE batches SET refused_count = refused_count + 1 WHERE id = $1`, [batchId]);
        this.logger.warn(`batch ${batchId} item ${item.agent_reference}: ${(error as Error).message}`);
      }
    }
  }
}
