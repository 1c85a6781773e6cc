import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createHash } from 'node:crypto';
import type { ApplyOutcomeRequest, CreateOrderRequest, ListOrdersRequest, OrderPageView, OrderView } from '@airtime/contracts';
import { PlatformError, rows } from '@airtime/platform';
import { CatalogueService } from '../catalogue/catalogue.service.js';
import { OrdersConfig } from '../config/orders.config.js';
import { OrderEventsPublisher } from '../events/order-events.publisher.js';
import { orderIdOf } from './dispatch-reference.js';
import { orderAmount } from './order-amount.js';
import { OrderProcessor } from './order-processor.js';
import { type OrderRow, RESTING, toOrderView } from './order-row.js';
import { OrderStore } from './order-store.js';
import { orderTarget } from './order-target.js';

/** Longer than a dispatch can take, so a lease never lapses while its holder is still working. */
const leaseSeconds = (config: OrdersConfig) => Math.ceil((config.DISPATCH_TIMEOUT_MS + 2 * config.WALLET_TIMEOUT_MS) / 1000) + 30;

@Injectable()
export class OrdersService {
  private readonly logger = new Logger(OrdersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly processor: OrderProcessor,
    private readonly store: OrderStore,
    private readonly config: OrdersConfig,
    private readonly events: OrderEventsPublisher,
  ) {}

  /**
   * 001's POST /api/v1/orders: idempotent on agent_reference per account. The first request creates
   * the order and starts it; a replay (even a concurrent one) gets the same order; the same reference
   * with a different body is refused. Answers with the order as it stands when the outcome arrives
   * or ORDER_WAIT_MS passes.
   */
  async create(request: CreateOrderRequest, options: { batchId?: string; waitMs?: number } = {}): Promise<OrderView> {
    const product = await this.catalogue.orderable(request.product_id);
    const target = orderTarget(product, request.target);
    const amount = orderAmount(product, request.amount);
    const hash = createHash('sha256')
      .update(JSON.stringify([product.id, target, amount.toString(), request.custom_sms ?? null]))
      .digest('hex');

    const created = await this.dataSource.transaction(async (m) => {
      const [row] = await rows<OrderRow>(
        m,
        `INSERT INTO orders (account_id, mode, agent_reference, request_hash, product_id, kind, country, network, upstream, upstream_product,
                             target, currency, amount_minor, custom_sms, status, lease_until, batch_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'created', now() + make_interval(secs => $15), $16)
         ON CONFLICT (account_id, mode, agent_reference) DO NOTHING
         RETURNING *`,
        [request.account_id, request.mode, request.agent_reference, hash, product.id, product.kind, product.country, product.network,
          product.upstream, product.upstream_product, target, product.currency, amount.toString(), request.custom_sms ?? null, leaseSeconds(this.config),
          options.batchId ?? null],
      );
      if (row) await this.store.recordEvent(m, row);
      return row;
    });

    if (created) {
      this.events.nudge();
      const work = this.drive(created);
      return this.answer(created.id, work, options.waitMs);
    }
    const [existing] = await rows<OrderRow>(
      this.dataSource,
      `SELECT * FROM orders WHERE account_id = $1 AND mode = $2 AND agent_reference = $3`,
      [request.account_id, request.mode, request.agent_reference],
    );
    if (!existing) throw new PlatformError('INTERNAL', 'Order vanished');
    if (existing.request_hash !== hash) {
      throw new PlatformError('REFERENCE_REUSED', `agent_reference ${request.agent_reference} was already used for a different order`, {
        fields: { agent_reference: ['agent_reference was already used for a different order'] },
      });
    }
    return this.answer(existing.id, undefined, options.waitMs);
  }

  async get(accountId: string, mode: string, agentReference: string, waitMs = 0): Promise<OrderView> {
    const [order] = await rows<OrderRow>(
      this.dataSource,
      `SELECT * FROM orders WHERE account_id = $1 AND mode = $2 AND agent_reference = $3`,
      [accountId, mode, agentReference],
    );
    if (!order) throw new PlatformError('ORDER_NOT_FOUND', `No order with agent_reference ${agentReference}`);
    return waitMs > 0 ? this.answer(order.id, undefined, waitMs) : toOrderView(order);
  }

  async list(request: ListOrdersRequest): Promise<OrderPageView> {
    const where = ['account_id = $1', 'mode = $2'];
    const parameters: unknown[] = [request.account_id, request.mode];
    const add = (sql: (n: number) => string, value: unknown) => {
      if (value === undefined) return;
      parameters.push(value);
      where.push(sql(parameters.length));
    };
    const internal = request.status === undefined ? undefined
      : request.status === 'pending' ? ['created', 'debited', 'dispatching']
      : request.status === 'failed' ? ['failed', 'rejected']
      : request.status === 'reversed' ? ['reversing', 'reversed']
      : [request.status];
    add((n) => `status = ANY($${n})`, internal);
    add((n) => `network = $${n}`, request.network?.toLowerCase());
    add((n) => `target = $${n}`, request.target);
    add((n) => `created_at >= $${n}`, request.from);
    add((n) => `created_at < $${n}`, request.to);
    add((n) => `seq < $${n}`, request.cursor);
    const limit = request.limit ?? 50;
    parameters.push(limit + 1);
    const found = await rows<OrderRow>(this.dataSource, `SELECT * FROM orders WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT $${parameters.length}`, parameters);
    const page = found.slice(0, limit);
    return { orders: page.map(toOrderView), next_cursor: found.length > limit ? String(page.at(-1)?.seq) : null };
  }

  async needingAttention(limit = 100): Promise<OrderView[]> {
    const flagged = await rows<OrderRow>(this.dataSource, `SELECT * FROM orders WHERE needs_attention AND status = 'unknown' ORDER BY created_at LIMIT $1`, [limit]);
    return flagged.map(toOrderView);
  }

  /**
   * A late outcome from an upstream's callback. It may move an order that is still in flight or
   * unknown; an order that already has its outcome is left alone (callbacks repeat).
   */
  async applyOutcome(request: ApplyOutcomeRequest): Promise<OrderView> {
    const orderId = orderIdOf(request.reference);
    const order = orderId ? await this.store.byId(orderId) : undefined;
    if (!order || order.upstream !== request.upstream) throw new PlatformError('ORDER_NOT_FOUND', `No order with reference ${request.reference}`);
    const reversal = order.status === 'success' && request.outcome.status === 'failed' && request.outcome.error_code === 'REVERSED';
    if (order.status !== 'dispatching' && order.status !== 'unknown' && !reversal) return toOrderView(order);
    if (!(await this.store.lease(order.id, 60))) return toOrderView(order);
    try {
      if (reversal) return toOrderView(await this.processor.reverse(order, request.outcome));
      return toOrderView(await this.processor.applyOutcome(order, { ...request.outcome, reference: request.reference }, [order.status]));
    } finally {
      await this.store.release(order.id);
    }
  }

  /** Advances a freshly created order (its lease was taken at insert), then lets it go. */
  private async drive(order: OrderRow): Promise<void> {
    try {
      await this.processor.advance(order);
    } catch (error) {
      this.logger.error(error as Error);
    } finally {
      await this.store.release(order.id).catch(() => undefined);
    }
  }

  /**
   * The order once it rests or the wait bound passes. A refused debit is answered as 000 shows:
   * 422 Insufficient funds / Wallet not found, with nothing dispatched.
   */
  private async answer(orderId: string, work?: Promise<void>, waitMs = this.config.ORDER_WAIT_MS): Promise<OrderView> {
    const deadline = Date.now() + waitMs;
    if (work) await Promise.race([work, new Promise((resolve) => setTimeout(resolve, waitMs).unref())]);
    let order = await this.store.byId(orderId);
    while (order && !RESTING.includes(order.status) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      order = await this.store.byId(orderId);
    }
    if (!order) throw new PlatformError('INTERNAL', 'Order vanished');
    if (order.status === 'rejected' && (order.error_code === 'INSUFFICIENT_FUNDS' || order.error_code === 'WALLET_NOT_FOUND')) {
      throw new PlatformError(order.error_code, order.message ?? (order.error_code === 'INSUFFICIENT_FUNDS' ? 'Insufficient funds' : 'Wallet not found'));
    }
    return toOrderView(order);
  }
}
