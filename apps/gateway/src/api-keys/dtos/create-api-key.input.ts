import { Field, InputType } from '@nestjs/graphql';
import { PickType } from '@nestjs/mapped-types';
import { IsEnum, IsOptional } from 'class-validator';
import { CreateApiKeyRequest } from '@airtime/contracts';
import { ApiKeyModeEnum } from './api-key.model.js';

@InputType()
export class CreateApiKeyInput extends PickType(CreateApiKeyRequest, ['name'] as const) {
  @Field() override name: string;
  @Field(() => ApiKeyModeEnum, { defaultValue: ApiKeyModeEnum.live }) @IsOptional() @IsEnum(ApiKeyModeEnum) mode: ApiKeyModeEnum;
}
