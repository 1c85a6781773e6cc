import { IsUUID } from 'class-validator';

export class ListWebhookEndpointsRequest {
  @IsUUID() account_id: string;
}
