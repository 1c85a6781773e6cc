import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class SendSmsBody {
  @IsString() @IsNotEmpty() @MaxLength(32) to: string;
  @IsString() @IsNotEmpty() @MaxLength(1600) message: string;
  @IsOptional() @IsString() @MaxLength(32) from?: string;
}
