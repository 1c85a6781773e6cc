import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ListWebhookDeliveriesRequest, ResendWebhookDeliveriesRequest, WebhookDeliveryView } from '@airtime/contracts';
import { rows } from '@airtime/platform';
import { DeliveryDispatcher } from './delivery-dispatcher.js';
import { DeliveryStore, toDeliveryView } from './delivery-store.js';
import { deliveryNotFound, resendNeedsATarget } from './deliveries.exceptions.js';

@Injectable()
export class DeliveriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly store: DeliveryStore,
  ) {}

  /** The newest deliveries, with their attempts (REST's listing; connections page with PageDeliveriesUseCase). */
  async list(request: ListWebhookDeliveriesRequest): Promise<WebhookDeliveryView[]> {
    const found = await this.store.latest(request, request.limit ?? 50);
    const attempts = await this.store.attemptsOf(found.map((d) => d.id));
    return found.map((d) => toDeliveryView(d, attempts.get(d.id) ?? []));
  }

  /**
   * Puts one delivery, or every dead one since a time, back in the queue: same delivery, same
   * webhook-id. Only the caller's mode, and never one whose endpoint was deleted.
   */
  async resend(request: ResendWebhookDeliveriesRequest): Promise<{ requeued: number }> {
    if (!request.delivery_id && !request.failed_since) {
      throw resendNeedsATarget();
    }
    const requeued = await rows(
      this.dataSource,
      request.delivery_id
        ? `UPDATE webhook_deliveries d SET status = 'pending', next_attempt_at = now() FROM webhook_endpoints e
            WHERE d.id = $2 AND d.account_id = $1 AND d.mode = $3 AND d.status <> 'cancelled' AND e.id = d.endpoint_id AND e.deleted_at IS NULL RETURNING d.id`
        : `UPDATE webhook_deliveries d SET status = 'pending', next_attempt_at = now() FROM webhook_endpoints e
            WHERE d.account_id = $1 AND d.mode = $3 AND d.status = 'dead' AND d.created_at >= $2 AND e.id = d.endpoint_id AND e.deleted_at IS NULL RETURNING d.id`,
      [request.account_id, request.delivery_id ?? request.failed_since, request.mode],
    );
    if (request.delivery_id && requeued.length === 0) throw deliveryNotFound();
    this.dispatcher.nudge();
    return { requeued: requeued.length };
  }
}
