import { Field, InputType } from '@nestjs/graphql';
import { PickType } from '@nestjs/mapped-types';
import { IsEnum, IsOptional } from 'class-validator';
import { CreateApiKeyRequest } from '@airtime/contracts';
import { ModeEnum } from '../../graph/mode.js';

@InputType()
export class CreateApiKeyInput extends PickType(CreateApiKeyRequest, ['name'] as const) {
  @Field() override name: string;
  @Field(() => ModeEnum, { defaultValue: ModeEnum.live }) @IsOptional() @IsEnum(ModeEnum) mode: ModeEnum;
}
