import { IsUUID } from 'class-validator';

export class GetUserRequest {
  @IsUUID() user_id: string;
  @IsUUID() account_id: string;
}
