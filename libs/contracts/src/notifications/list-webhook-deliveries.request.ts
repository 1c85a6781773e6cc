import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { IsPageSize } from '../validation/is-page.js';
import { IsLookupIds, PageRequest, type PageView } from '../paging/page.js';
import type { WebhookDeliveryView } from './webhook-endpoint.view.js';

/** cancelled: its endpoint was deleted, so it is never attempted again. */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'dead', 'cancelled'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export class ListWebhookDeliveriesRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsOptional() @IsUUID() endpoint_id?: string;
  @IsOptional() @IsIn(WEBHOOK_DELIVERY_STATUSES) status?: WebhookDeliveryStatus;
  /** A number over NATS; a query string's text at the gateway, hence the conversion. */
  @IsOptional() @Type(() => Number) @IsPageSize(200) limit?: number;
}

/** The same deliveries a page at a time, newest first, as connections page them. */
export class PageWebhookDeliveriesRequest extends PageRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsOptional() @IsUUID() endpoint_id?: string;
  @IsOptional() @IsIn(WEBHOOK_DELIVERY_STATUSES) status?: WebhookDeliveryStatus;
}

export type WebhookDeliveryPageView = PageView<WebhookDeliveryView>;

/** Several deliveries of one account and mode by id; ids not found (or not its own) are left out. */
export class GetWebhookDeliveriesRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsLookupIds() @IsUUID('all', { each: true }) ids: string[];
}

/** Re-sends one delivery, or every dead (and still failing) one since a time. */
export class ResendWebhookDeliveriesRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsOptional() @IsUUID() delivery_id?: string;
  @IsOptional() @IsISO8601() failed_since?: string;
}

export interface RequeuedDeliveriesView {
  requeued: number;
}
