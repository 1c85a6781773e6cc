import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export class ListWebhookDeliveriesRequest {
  @IsUUID() account_id: string;
  @IsOptional() @IsUUID() endpoint_id?: string;
  @IsOptional() @IsIn(WEBHOOK_DELIVERY_STATUSES) status?: WebhookDeliveryStatus;
  @IsOptional() @IsInt() @Min(1) @Max(200) limit?: number;
}

/** Re-sends one delivery, or every dead (and still failing) one since a time. */
export class ResendWebhookDeliveriesRequest {
  @IsUUID() account_id: string;
  @IsOptional() @IsUUID() delivery_id?: string;
  @IsOptional() @IsISO8601() failed_since?: string;
}
