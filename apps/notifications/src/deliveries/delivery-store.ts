import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ApiKeyMode, WebhookDeliveryAttemptView, WebhookDeliveryStatus, WebhookDeliveryView } from '@airtime/contracts';
import { type PageSeek, rows, seekSql } from '@airtime/platform';

export interface DeliveryRow {
  id: string;
  seq: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  mode: WebhookDeliveryView['mode'];
  status: WebhookDeliveryView['status'];
  next_attempt_at: Date;
  created_at: Date;
  delivered_at: Date | null;
}

/** Which of an account's deliveries a listing shows. */
export interface DeliveryFilter {
  account_id: string;
  mode: ApiKeyMode;
  endpoint_id?: string;
  status?: WebhookDeliveryStatus;
}

/** What a listing shows of a delivery: not its body, which can be large and is the tenant's own event. */
const COLUMNS = 'd.id, d.seq, d.endpoint_id, d.event_id, d.event_type, d.mode, d.status, d.next_attempt_at, d.created_at, d.delivered_at';

/** Reads of `webhook_deliveries` and their attempts for the tenant's listings. */
@Injectable()
export class DeliveryStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The newest `limit` matching deliveries, by when they were made. */
  async latest(filter: DeliveryFilter, limit: number): Promise<DeliveryRow[]> {
    const { where, parameters } = matching(filter);
    return rows<DeliveryRow>(this.dataSource, `SELECT ${COLUMNS} FROM webhook_deliveries d WHERE ${where.join(' AND ')} ORDER BY d.created_at DESC LIMIT $${parameters.push(limit)}`, parameters);
  }

  /** Matching deliveries within the seek's bounds on `seq`, in its direction. */
  async page(filter: DeliveryFilter, seek: PageSeek): Promise<DeliveryRow[]> {
    const { where, parameters } = matching(filter);
    const page = seekSql('d.seq', seek, parameters);
    return rows<DeliveryRow>(this.dataSource, `SELECT ${COLUMNS} FROM webhook_deliveries d WHERE ${[...where, ...page.where].join(' AND ')} ${page.tail}`, parameters);
  }

  /** The account's deliveries in one mode among `ids`. */
  async byIds(filter: DeliveryFilter, ids: string[]): Promise<DeliveryRow[]> {
    const { where, parameters } = matching(filter);
    return rows<DeliveryRow>(this.dataSource, `SELECT ${COLUMNS} FROM webhook_deliveries d WHERE ${where.join(' AND ')} AND d.id = ANY($${parameters.push(ids)})`, parameters);
  }

  /** The attempts of several deliveries in one query, each delivery's in the order they were made. */
  async attemptsOf(deliveryIds: string[]): Promise<Map<string, WebhookDeliveryAttemptView[]>> {
    const byDelivery = new Map<string, WebhookDeliveryAttemptView[]>();
    if (deliveryIds.length === 0) return byDelivery;
    const found = await rows<WebhookDeliveryAttemptView & { delivery_id: string; at: Date }>(
      this.dataSource,
      `SELECT delivery_id, attempt, status_code, error, duration_ms, at FROM webhook_attempts WHERE delivery_id = ANY($1) ORDER BY delivery_id, attempt`,
      [deliveryIds],
    );
    for (const { delivery_id, at, ...attempt } of found) {
      byDelivery.set(delivery_id, [...(byDelivery.get(delivery_id) ?? []), { ...attempt, at: new Date(at).toISOString() }]);
    }
    return byDelivery;
  }
}

/** The filter every listing of deliveries shares: the account's own, in one mode. */
function matching(filter: DeliveryFilter): { where: string[]; parameters: unknown[] } {
  const where = ['d.account_id = $1', 'd.mode = $2'];
  const parameters: unknown[] = [filter.account_id, filter.mode];
  if (filter.endpoint_id) where.push(`d.endpoint_id = $${parameters.push(filter.endpoint_id)}`);
  if (filter.status) where.push(`d.status = $${parameters.push(filter.status)}`);
  return { where, parameters };
}

export function toDeliveryView(d: DeliveryRow, attempts: WebhookDeliveryAttemptView[]): WebhookDeliveryView {
  return {
    id: d.id,
    endpoint_id: d.endpoint_id,
    event_id: d.event_id,
    event_type: d.event_type,
    mode: d.mode,
    status: d.status,
    attempts,
    next_attempt_at: d.status === 'pending' ? new Date(d.next_attempt_at).toISOString() : null,
    created_at: new Date(d.created_at).toISOString(),
    delivered_at: d.delivered_at ? new Date(d.delivered_at).toISOString() : null,
  };
}
