import { ArrayMinSize, IsArray, IsIn, IsUrl, IsUUID, MaxLength } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhook-event-type.js';

export class CreateWebhookEndpointRequest {
  @IsUUID() account_id: string;
  /** The endpoint receives only this mode's events (a test key's endpoints, only test events). */
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) @MaxLength(2000) url: string;
  @IsArray() @ArrayMinSize(1) @IsIn(WEBHOOK_EVENT_TYPES, { each: true }) events: WebhookEventType[];
}
