import { IsUUID } from 'class-validator';

export class ListApiKeysRequest {
  @IsUUID() account_id: string;
}
