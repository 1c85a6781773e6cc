import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ApiKeyModeEnum } from './api-key.model.js';

@InputType()
export class CreateApiKeyInput {
  @Field() @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  @Field(() => ApiKeyModeEnum, { defaultValue: ApiKeyModeEnum.live }) @IsOptional() @IsEnum(ApiKeyModeEnum) mode: ApiKeyModeEnum;
}
