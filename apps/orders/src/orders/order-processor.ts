import { Injectable, Logger } from '@nestjs/common';
import { type DispatchOutcome, type DispatchRequest, Rpc } from '@airtime/contracts';
import { PlatformError, RpcClient } from '@airtime/platform';
import { OrdersConfig } from '../config/orders.config.js';
import { OrderEventsPublisher } from '../events/order-events.publisher.js';
import { RoutingService } from '../routing/routing.service.js';
import { dispatchReferenceOf } from './dispatch-reference.js';
import { countFailover } from './order-metrics.js';
import { mayFailOver, settledAttempts, startedAttempt } from './order-attempts.js';
import type { InternalOrderStatus, OrderRow } from './order-row.js';
import { OrderStore } from './order-store.js';

const REFUSED_DEBITS = new Set(['INSUFFICIENT_FUNDS', 'WALLET_NOT_FOUND', 'UNSUPPORTED_CURRENCY', 'AMOUNT_TOO_LARGE']);

/**
 * design.md's "one order, end to end", one step at a time, each step keyed and resumable: debit
 * (keyed by the order), dispatch, and on failure a refund (keyed by the order) until wallet confirms.
 * A step that cannot finish leaves the order where it was, for the reconciler to take up again.
 * Callers hold the order's lease, so only one process advances an order at a time.
 */
@Injectable()
export class OrderProcessor {
  private readonly logger = new Logger(OrderProcessor.name);

  constructor(
    private readonly store: OrderStore,
    private readonly rpc: RpcClient,
    private readonly config: OrdersConfig,
    private readonly events: OrderEventsPublisher,
    private readonly routing: RoutingService,
  ) {}

  async advance(order: OrderRow): Promise<OrderRow> {
    let current = order;
    for (;;) {
      const next = await this.step(current);
      if (!next) return current;
      current = next;
      this.events.nudge();
    }
  }

  /** Applies what an upstream said (at dispatch, on a query, or by callback) to an order in `from`. */
  async applyOutcome(order: OrderRow, outcome: DispatchOutcome, from: InternalOrderStatus[]): Promise<OrderRow> {
    let next: OrderRow | undefined;
    const attempts = settledAttempts(order.attempts, order.upstream, outcome);
    if (outcome.status === 'success') {
      next = await this.store.transition(order.id, from, 'success', {
        attempts,
        provider_ref: outcome.provider_ref ?? undefined,
        pin: outcome.pin ?? undefined,
        serial: outcome.serial ?? undefined,
        ussd: outcome.ussd ?? undefined,
        token: outcome.token ?? undefined,
        customer_name: outcome.customer_name ?? undefined,
        message: outcome.message ?? undefined,
      }, order);
    } else if (outcome.status === 'failed') {
      next = await this.store.transition(order.id, from, 'failed', {
        attempts,
        provider_ref: outcome.provider_ref ?? undefined,
        error_code: outcome.error_code ?? 'UPSTREAM_FAILED',
        message: outcome.message ?? 'The provider could not deliver this recharge',
      }, order);
    } else if (order.status !== 'unknown') {
      next = await this.store.transition(order.id, from, 'unknown', {
        attempts,
        provider_ref: outcome.provider_ref ?? undefined,
        message: outcome.message ?? 'The provider has not confirmed this recharge yet',
      }, order);
    } else {
      return order;
    }
    if (!next) return (await this.store.byId(order.id)) ?? order;
    this.events.nudge();
    return next.status === 'failed' ? this.advance(next) : next;
  }

  private step(order: OrderRow): Promise<OrderRow | undefined> {
    switch (order.status) {
      case 'created':
        return this.debit(order);
      case 'debited':
        return this.dispatch(order);
      case 'failed':
        return this.refund(order, 'failed', 'refunded');
      case 'reversing':
        return this.refund(order, 'reversing', 'reversed');
      default:
        return Promise.resolve(undefined);
    }
  }

  private async debit(order: OrderRow): Promise<OrderRow | undefined> {
    try {
      await this.rpc.request(Rpc.wallet.debit, {
        idempotency_key: `order:${order.id}:debit`,
        account_id: order.account_id,
        mode: order.mode,
        currency: order.currency,
        amount_minor: String(order.amount_minor),
        order_id: order.id,
        description: `${order.kind} ${order.network} ${order.target}`,
      }, this.config.WALLET_TIMEOUT_MS);
    } catch (error) {
      if (error instanceof PlatformError && REFUSED_DEBITS.has(error.code)) {
        return this.store.transition(order.id, ['created'], 'rejected', { error_code: error.code, message: error.message }, order);
      }
      this.logger.warn(`debit of order ${order.id} not confirmed, left for the reconciler: ${(error as Error).message}`);
      return undefined;
    }
    // Debited and about to be sent, in one write. Should this process stop before the send, the
    // reconciler asks provider-adapters about the order with what was to be sent, and an adapter with
    // no record of sending it sends it then (DispatchService.query): no separate `debited` is needed.
    const dispatching = await this.store.transition(order.id, ['created'], 'dispatching', { attempts: [...order.attempts, startedAttempt(order.upstream)] }, order);
    if (!dispatching) return undefined;
    return (await this.send(dispatching)) ?? dispatching;
  }

  /** An order left `debited` (written before debit and dispatch shared one write): sent from there. */
  private async dispatch(order: OrderRow): Promise<OrderRow | undefined> {
    const dispatching = await this.store.transition(order.id, ['debited'], 'dispatching', { attempts: [...order.attempts, startedAttempt(order.upstream)] }, order);
    if (!dispatching) return undefined;
    return (await this.send(dispatching)) ?? dispatching;
  }

  /**
   * Sends the order to its upstream; when that upstream has certainly not delivered (mayFailOver) and
   * the route has another it has not been sent to, the order moves to that one (the failed attempt
   * and the new one recorded in the same write) and is sent again under the same reference. An
   * unknown answer never moves on: another upstream could deliver a second time.
   */
  private async send(dispatching: OrderRow): Promise<OrderRow | undefined> {
    let current = dispatching;
    for (;;) {
      let outcome: DispatchOutcome;
      try {
        outcome = await this.rpc.request(Rpc.providerAdapters.dispatch, dispatchRequestOf(current), this.config.DISPATCH_TIMEOUT_MS);
      } catch (error) {
        // The request may have reached an adapter that is still working on it: unknown, never failed.
        outcome = { reference: dispatchReferenceOf(current.id), status: 'unknown', provider_ref: null, message: `provider-adapters did not answer: ${(error as Error).message}` };
      }
      const next = mayFailOver(outcome) ? await this.nextUpstream(current) : undefined;
      if (next) {
        const moved = await this.store.transition(current.id, ['dispatching'], 'dispatching', {
          upstream: next.upstream,
          upstream_product: next.upstream_product,
          attempts: [...settledAttempts(current.attempts, current.upstream, outcome), startedAttempt(next.upstream)],
        }, current);
        if (!moved) return undefined;
        countFailover(current, next.upstream, outcome.error_code ?? 'UPSTREAM_FAILED');
        this.logger.log({ msg: 'failed over', order_id: current.id, from: current.upstream, to: next.upstream, error_code: outcome.error_code, upstream_code: outcome.upstream_code });
        current = moved;
        continue;
      }
      const applied = await this.applyOutcome(current, outcome, ['dispatching']);
      return applied.status === dispatching.status ? undefined : applied;
    }
  }

  /** The route's next upstream for this order, leaving out every upstream it was already sent to. */
  private async nextUpstream(order: OrderRow) {
    const attempted = [...order.attempts.map((a) => a.upstream), order.upstream];
    try {
      const [next] = await this.routing.choices(order, attempted);
      return next;
    } catch (error) {
      // Without the route table the failure stands: refunded, as before routing existed.
      this.logger.warn(`route of order ${order.id} not read: ${(error as Error).message}`);
      return undefined;
    }
  }

  /**
   * A success its upstream reports reversed (eStoreSMS's Reversed): the money comes back, once,
   * through the same refund key as a failure would use, so a reversal can never refund twice.
   */
  async reverse(order: OrderRow, outcome: DispatchOutcome): Promise<OrderRow> {
    const reversing = await this.store.transition(order.id, ['success'], 'reversing', {
      error_code: 'REVERSED',
      message: outcome.message ?? 'The provider reversed this recharge',
    }, order);
    if (!reversing) return (await this.store.byId(order.id)) ?? order;
    this.events.nudge();
    return this.advance(reversing);
  }

  private async refund(order: OrderRow, from: 'failed' | 'reversing', to: 'refunded' | 'reversed'): Promise<OrderRow | undefined> {
    try {
      await this.rpc.request(Rpc.wallet.refund, {
        idempotency_key: `order:${order.id}:refund`,
        account_id: order.account_id,
        debit_key: `order:${order.id}:debit`,
        reason: `${from === 'reversing' ? 'Order reversed' : 'Order failed'}: ${order.message ?? order.error_code ?? 'provider failure'}`.slice(0, 500),
      }, this.config.WALLET_TIMEOUT_MS);
    } catch (error) {
      if (!(error instanceof PlatformError && error.code === 'ALREADY_REFUNDED')) {
        this.logger.warn(`refund of order ${order.id} not confirmed, will be re-sent: ${(error as Error).message}`);
        return undefined;
      }
    }
    return this.store.transition(order.id, [from], to, {}, order);
  }
}

/** What provider-adapters is asked to deliver for an order (and, when reconciling, what it was asked). */
export function dispatchRequestOf(order: OrderRow): DispatchRequest {
  return {
    reference: dispatchReferenceOf(order.id),
    upstream: order.upstream,
    mode: order.mode,
    kind: order.kind,
    country: order.country,
    network: order.network,
    target: order.target,
    currency: order.currency,
    amount_minor: String(order.amount_minor),
    ...(order.upstream_product ? { upstream_product: order.upstream_product } : {}),
  };
}
