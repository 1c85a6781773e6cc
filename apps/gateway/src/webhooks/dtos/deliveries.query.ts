import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode, WEBHOOK_DELIVERY_STATUSES, type WebhookDeliveryStatus } from '@airtime/contracts';

export class DeliveriesQuery {
  @IsOptional() @IsUUID() endpoint_id?: string;
  @IsOptional() @IsIn(WEBHOOK_DELIVERY_STATUSES) status?: WebhookDeliveryStatus;
  /** For a logged-in user: which mode's endpoints (default live); an API key always uses its own. */
  @IsOptional() @IsIn(API_KEY_MODES) mode?: ApiKeyMode;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}
