import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString } from 'class-validator';
import { IsCurrencyCode } from '@airtime/contracts';
import { ModeEnum } from '../../graph/mode.js';

@InputType()
export class TopUpWalletInput {
  @Field({ description: 'Major units, e.g. "10.50"' }) @IsString() amount: string;
  @Field() @IsCurrencyCode() currency: string;
  // The dashboard tops up the sandbox wallet a user is looking at; a key asking for the other mode is refused.
  @Field(() => ModeEnum, { nullable: true, description: 'live or test, for a logged-in user (default live); an API key always uses its own mode' })
  @IsOptional() @IsEnum(ModeEnum) mode?: ModeEnum;
}
