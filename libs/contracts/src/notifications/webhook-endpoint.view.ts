import type { ApiKeyMode } from '../identity/api-key-mode.js';
import type { WebhookEventType } from './webhook-event-type.js';

export interface WebhookEndpointView {
  id: string;
  url: string;
  mode: ApiKeyMode;
  events: WebhookEventType[];
  /** Only when the endpoint is created or its secret rotated: it is not shown again. */
  secret?: string;
  secret_prefix: string;
  previous_secret_expires_at: string | null;
  created_at: string;
}

export interface WebhookDeliveryAttemptView {
  attempt: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  at: string;
}

export interface WebhookDeliveryView {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  mode: ApiKeyMode;
  status: 'pending' | 'delivered' | 'dead' | 'cancelled';
  attempts: WebhookDeliveryAttemptView[];
  next_attempt_at: string | null;
  created_at: string;
  delivered_at: string | null;
}
