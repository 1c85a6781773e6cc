import { IsUUID } from 'class-validator';

export class RevokeApiKeyRequest {
  @IsUUID() account_id: string;
  @IsUUID() id: string;
}
