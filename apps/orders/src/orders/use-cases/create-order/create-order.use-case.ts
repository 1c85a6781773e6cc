import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { OrderView } from '@airtime/contracts';
import { CatalogueService } from '../../../catalogue/catalogue.service.js';
import { OrdersConfig } from '../../../config/orders.config.js';
import { OrderEventsPublisher } from '../../../events/order-events.publisher.js';
import { noRouteAvailable } from '../../../routing/routing.exceptions.js';
import { RoutingService } from '../../../routing/routing.service.js';
import { awaitOutcome } from '../../await-outcome.js';
import { orderAmount } from '../../order-amount.js';
import { OrderProcessor } from '../../order-processor.js';
import type { OrderRow } from '../../order-row.js';
import { OrderStore } from '../../order-store.js';
import { orderTarget } from '../../order-target.js';
import { orderVanished, referenceReused } from '../../orders.exceptions.js';
import { CreateOrderCommand } from './create-order.command.js';

/**
 * 001's POST /api/v1/orders: idempotent on agent_reference per account. The first request creates
 * the order and starts it; a replay (even a concurrent one) gets the same order; the same reference
 * with a different body is refused. Answers with the order as it stands when the outcome arrives
 * or the wait passes.
 */
@Injectable()
export class CreateOrderUseCase {
  private readonly logger = new Logger(CreateOrderUseCase.name);

  constructor(
    private readonly catalogue: CatalogueService,
    private readonly processor: OrderProcessor,
    private readonly store: OrderStore,
    private readonly config: OrdersConfig,
    private readonly events: OrderEventsPublisher,
    private readonly routing: RoutingService,
  ) {}

  async execute(command: CreateOrderCommand): Promise<OrderView> {
    const { request } = command;
    const waitMs = command.waitMs ?? this.config.ORDER_WAIT_MS;
    const product = await this.catalogue.orderable(request.product_id);
    const target = orderTarget(product, request.target);
    const amount = orderAmount(product, request.amount);
    const hash = createHash('sha256')
      .update(JSON.stringify([product.id, target, amount.toString(), request.custom_sms ?? null]))
      .digest('hex');

    // The first upstream of the product's route; the rest are tried only if it certainly fails.
    const [first] = await this.routing.choices({ ...product, mode: request.mode });
    const created = first
      ? await this.store.insert(
        {
          account_id: request.account_id, mode: request.mode, agent_reference: request.agent_reference, request_hash: hash,
          product_id: product.id, kind: product.kind, country: product.country, network: product.network, upstream: first.upstream,
          upstream_product: first.upstream_product, target, currency: product.currency, amount_minor: amount,
          custom_sms: request.custom_sms ?? null, batch_id: command.batchId ?? null,
        },
        this.leaseSeconds(),
      )
      : undefined;
    if (created) {
      this.events.nudge();
      return awaitOutcome(this.store, created.id, waitMs, this.drive(created));
    }
    const existing = await this.store.byAgentReference(request.account_id, request.mode, request.agent_reference);
    // With nowhere to send it, a new order is refused before anything is written or charged; a replay
    // of one placed earlier still answers that order.
    if (!existing) throw first ? orderVanished() : noRouteAvailable(product.id);
    if (existing.request_hash !== hash) throw referenceReused(request.agent_reference);
    return awaitOutcome(this.store, existing.id, waitMs);
  }

  /**
   * Advances a freshly created order (its lease was taken at insert), then lets it go: the transition
   * into a resting state has already ended the lease, otherwise it is released here.
   */
  private async drive(order: OrderRow): Promise<OrderRow | undefined> {
    let current: OrderRow | undefined;
    try {
      current = await this.processor.advance(order);
      return current;
    } catch (error) {
      this.logger.error(error as Error);
      return undefined;
    } finally {
      if (current?.lease_until !== null) await this.store.release(order.id).catch(() => undefined);
    }
  }

  /** Longer than a dispatch can take, so a lease never lapses while its holder is still working. */
  private leaseSeconds(): number {
    return Math.ceil((this.config.DISPATCH_TIMEOUT_MS + 2 * this.config.WALLET_TIMEOUT_MS) / 1000) + 30;
  }
}
