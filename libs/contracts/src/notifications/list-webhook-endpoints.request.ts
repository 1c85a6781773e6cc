import { IsIn, IsUUID } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';

export class ListWebhookEndpointsRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
}
