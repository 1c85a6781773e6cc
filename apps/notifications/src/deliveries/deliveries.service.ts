import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ListWebhookDeliveriesRequest, ResendWebhookDeliveriesRequest, WebhookDeliveryAttemptView, WebhookDeliveryView } from '@airtime/contracts';
import { rows } from '@airtime/platform';
import { DeliveryDispatcher } from './delivery-dispatcher.js';
import { deliveryNotFound, resendNeedsATarget } from './deliveries.exceptions.js';

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  mode: WebhookDeliveryView['mode'];
  status: WebhookDeliveryView['status'];
  next_attempt_at: Date;
  created_at: Date;
  delivered_at: Date | null;
  attempts: WebhookDeliveryAttemptView[] | null;
}

@Injectable()
export class DeliveriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dispatcher: DeliveryDispatcher,
  ) {}

  async list(request: ListWebhookDeliveriesRequest): Promise<WebhookDeliveryView[]> {
    const where = ['d.account_id = $1', 'd.mode = $2'];
    const parameters: unknown[] = [request.account_id, request.mode];
    if (request.endpoint_id) where.push(`d.endpoint_id = $${parameters.push(request.endpoint_id)}`);
    if (request.status) where.push(`d.status = $${parameters.push(request.status)}`);
    const found = await rows<DeliveryRow>(
      this.dataSource,
      `SELECT d.*, (SELECT json_agg(json_build_object('attempt', a.attempt, 'status_code', a.status_code, 'error', a.error, 'duration_ms', a.duration_ms, 'at', a.at) ORDER BY a.attempt)
                      FROM webhook_attempts a WHERE a.delivery_id = d.id) AS attempts
         FROM webhook_deliveries d WHERE ${where.join(' AND ')} ORDER BY d.created_at DESC LIMIT $${parameters.push(request.limit ?? 50)}`,
      parameters,
    );
    return found.map((d) => ({
      id: d.id,
      endpoint_id: d.endpoint_id,
      event_id: d.event_id,
      event_type: d.event_type,
      mode: d.mode,
      status: d.status,
      attempts: (d.attempts ?? []).map((a) => ({ ...a, at: new Date(a.at).toISOString() })),
      next_attempt_at: d.status === 'pending' ? new Date(d.next_attempt_at).toISOString() : null,
      created_at: new Date(d.created_at).toISOString(),
      delivered_at: d.delivered_at ? new Date(d.delivered_at).toISOString() : null,
    }));
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
