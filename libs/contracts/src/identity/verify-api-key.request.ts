import { IsString, MaxLength } from 'class-validator';

export class VerifyApiKeyRequest {
  @IsString() @MaxLength(200) key: string;
}
