import { IsUUID } from 'class-validator';

export class GetAccountRequest {
  @IsUUID() account_id: string;
}
