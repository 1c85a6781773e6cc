import { IsISO8601, IsOptional, IsUUID } from 'class-validator';

export class ResendBody {
  @IsOptional() @IsUUID() delivery_id?: string;
  @IsOptional() @IsISO8601() failed_since?: string;
}
