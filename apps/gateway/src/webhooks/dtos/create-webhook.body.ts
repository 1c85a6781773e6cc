import { ArrayMinSize, IsArray, IsIn, IsOptional, IsUrl, MaxLength } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode, WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@airtime/contracts';

export class CreateWebhookBody {
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) @MaxLength(2000) url: string;
  @IsArray() @ArrayMinSize(1) @IsIn(WEBHOOK_EVENT_TYPES, { each: true }) events: WebhookEventType[];
  /** For a logged-in user: which mode's endpoints (default live); an API key always uses its own. */
  @IsOptional() @IsIn(API_KEY_MODES) mode?: ApiKeyMode;
}
