import { IsString, IsUUID, Matches } from 'class-validator';

export class GetTopUpRequest {
  @IsUUID() account_id: string;
  @IsString() @Matches(/^TOP-[0-9A-Z]{12}$/, { message: 'reference is not a top-up reference' }) reference: string;
}
