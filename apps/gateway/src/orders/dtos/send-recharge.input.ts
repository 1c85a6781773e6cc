import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { MultilineText } from '@airtime/contracts';

@InputType()
export class SendRechargeInput {
  @Field(() => Int) @IsInt() @Min(1) productId: number;
  @Field() @IsString() @MinLength(3) @MaxLength(32) target: string;
  @Field({ description: 'Major units, e.g. "5" or "5.50"' }) @Matches(/^\d{1,12}(\.\d{1,4})?$/) amount: string;
  @Field() @IsString() @MinLength(1) @MaxLength(100) @Matches(/^[\x21-\x7E]+$/) agentReference: string;
  @Field({ nullable: true }) @IsOptional() @MultilineText() @IsString() @MaxLength(160) customSms?: string;
}
