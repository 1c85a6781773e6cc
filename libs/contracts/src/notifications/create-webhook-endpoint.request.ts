import { ArrayMinSize, IsArray, IsIn, IsUrl, IsUUID, MaxLength } from 'class-validator';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhook-event-type.js';

export class CreateWebhookEndpointRequest {
  @IsUUID() account_id: string;
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) @MaxLength(2000) url: string;
  @IsArray() @ArrayMinSize(1) @IsIn(WEBHOOK_EVENT_TYPES, { each: true }) events: WebhookEventType[];
}
