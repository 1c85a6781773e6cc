import { ApiProperty } from '@nestjs/swagger';
import {
  API_KEY_MODES,
  type ApiKeyMode,
  type RequeuedDeliveriesView,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENT_TYPES,
  type WebhookDeliveryAttemptView,
  type WebhookDeliveryStatus,
  type WebhookDeliveryView,
  type WebhookEndpointView,
  type WebhookEventType,
} from '@airtime/contracts';

export class WebhookEndpointResponse implements WebhookEndpointView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uri' }) url: string;
  @ApiProperty({ enum: API_KEY_MODES }) mode: ApiKeyMode;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) events: WebhookEventType[];
  @ApiProperty({ required: false, description: 'Only in the answers to create and rotate-secret: it is not shown again' }) secret?: string;
  @ApiProperty() secret_prefix: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) previous_secret_expires_at: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

export class WebhookDeliveryAttemptResponse implements WebhookDeliveryAttemptView {
  @ApiProperty() attempt: number;
  @ApiProperty({ type: Number, nullable: true }) status_code: number | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty() duration_ms: number;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class WebhookDeliveryResponse implements WebhookDeliveryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) endpoint_id: string;
  @ApiProperty() event_id: string;
  @ApiProperty({ example: 'order.success' }) event_type: string;
  @ApiProperty({ enum: API_KEY_MODES }) mode: ApiKeyMode;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES }) status: WebhookDeliveryStatus;
  @ApiProperty({ type: [WebhookDeliveryAttemptResponse] }) attempts: WebhookDeliveryAttemptResponse[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) next_attempt_at: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) delivered_at: string | null;
}

export class RequeuedDeliveriesResponse implements RequeuedDeliveriesView {
  @ApiProperty() requeued: number;
}
